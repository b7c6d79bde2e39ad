// A 50,000-row customer list (.xlsx, with a contact per row) through POST /imports on a
// real server: time and the server's peak memory, then the same file again with
// onDuplicate=skip. Run: npx tsx bench/import-customers.ts   (BENCH_DATABASE_URL=… for PostgreSQL)
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { startBenchServer, uploadFile, waitForJob } from './importBench';

const ROWS = Number(process.env.BENCH_ROWS ?? 50_000);
const CITIES = ['杭州', '上海', '苏州', '宁波', '深圳', '广州', '成都', '武汉'];
const INDUSTRIES = ['机械', '物流', '电子', '化工', '纺织', '食品'];

async function customerList(rows: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const sheet = workbook.addWorksheet('客户名单');
  sheet
    .addRow([
      '公司名称',
      '行业',
      '人数',
      '城市',
      '电话',
      '邮箱',
      '来源',
      '标签',
      '联系人',
      '职位',
      '手机',
    ])
    .commit();
  for (let i = 0; i < rows; i++) {
    sheet
      .addRow([
        `${CITIES[i % CITIES.length]}第${i + 1}号${INDUSTRIES[i % INDUSTRIES.length]}有限公司`,
        INDUSTRIES[i % INDUSTRIES.length],
        20 + (i % 900),
        CITIES[i % CITIES.length],
        `0571-${String(60_000_000 + i)}`,
        `info@company${i}.cn`,
        '互联网',
        i % 2 === 0 ? '重点, 华东' : '新客户',
        `联系人${i}`,
        '采购经理',
        `13${String(900_000_000 + i)}`,
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

const file = await customerList(ROWS);
console.log(
  `generated ${ROWS.toLocaleString('en')} customers: ${(file.length / 1048576).toFixed(1)} MiB`,
);
const server = await startBenchServer(Number(process.env.PORT ?? 3918));
try {
  console.log(
    `server up: rss ${server.rssMiB().toFixed(0)} MiB (peak during start-up ${server.peakRssMiB().toFixed(0)} MiB)`,
  );
  server.resetPeak();
  const cpuBefore = server.cpuSeconds();
  const uploaded = await uploadFile(server, file, 'customers-50k.xlsx', { kind: 'customers' });
  console.log(`upload: ${uploaded.status} in ${(uploaded.ms / 1000).toFixed(2)} s`);
  const started = performance.now();
  const job = await waitForJob(server, uploaded.body.id as string);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `import: ${job.status}, ${job.imported.toLocaleString('en')} imported, ${job.failed} failed; customers ${job.summary.createdCustomers}, contacts ${job.summary.createdContacts}`,
  );
  console.log(
    `time: upload + job ${(uploaded.ms / 1000 + seconds).toFixed(1)} s (${Math.round(ROWS / seconds).toLocaleString('en')} rows/s in the job); server peak RSS ${server.peakRssMiB().toFixed(0)} MiB; server CPU ${(server.cpuSeconds() - cpuBefore).toFixed(1)} s`,
  );
  const again = await uploadFile(server, file, 'customers-50k.xlsx', { kind: 'customers' });
  const againStarted = performance.now();
  const repeat = await waitForJob(server, again.body.id as string);
  console.log(
    `same file again (skip duplicates): ${repeat.summary.duplicates} duplicates in ${((performance.now() - againStarted) / 1000).toFixed(1)} s`,
  );
} finally {
  await server.stop();
}
