// A 200,000-row sales report (.xlsx) through POST /imports on a real server: time and
// the server's peak memory; then a crafted 10-million-row sheet, which must be refused
// within seconds. Run: npx tsx bench/import-sales.ts   (BENCH_DATABASE_URL=postgres://… for PostgreSQL)
import { createDeflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import { startBenchServer, uploadFile, waitForJob } from './importBench';
import { minimalXlsxFromDeflated } from './xlsxBomb';

const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);

async function salesReport(rows: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const { PassThrough } = await import('node:stream');
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const sheet = workbook.addWorksheet('销售明细');
  sheet.addRow(['杭州明达贸易有限公司 2026年销售报表']).commit();
  sheet
    .addRow([
      '单据日期',
      '单据编号',
      '客户名称',
      '货品名称',
      '数量',
      '价税合计',
      '已收款',
      '业务员',
    ])
    .commit();
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2025, 0, 1 + (i % 365)));
    sheet
      .addRow([
        day,
        `XS${String(i).padStart(8, '0')}`,
        `客户${i % 5000}号机械设备有限公司`,
        `产品${i % 120}`,
        1 + (i % 50),
        `${(100 + (i % 9973) * 3.17).toFixed(2)}`,
        i % 3 === 0 ? 100 : null,
        `业务员${i % 40}`,
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** A sheet of ten million numbered rows, deflated as it is written. */
async function tenMillionRows(): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 1 });
  const parts: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => parts.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let size = 0;
  const write = (text: string) => {
    const bytes = Buffer.from(text);
    size += bytes.length;
    deflate.write(bytes);
  };
  write('<worksheet><sheetData>');
  for (let start = 1; start <= 10_000_000; start += 10_000) {
    let block = '';
    for (let r = start; r < start + 10_000; r++)
      block += `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`;
    write(block);
  }
  write('</sheetData></worksheet>');
  deflate.end();
  await done;
  return minimalXlsxFromDeflated(Buffer.concat(parts), size);
}

const started = performance.now();
const file = await salesReport(ROWS);
console.log(
  `generated ${ROWS.toLocaleString('en')} rows: ${(file.length / 1048576).toFixed(1)} MiB in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const server = await startBenchServer(Number(process.env.PORT ?? 3917));
try {
  console.log(
    `server up: rss ${server.rssMiB().toFixed(0)} MiB (peak during start-up ${server.peakRssMiB().toFixed(0)} MiB)`,
  );
  server.resetPeak();
  const cpuBefore = server.cpuSeconds();
  const uploaded = await uploadFile(server, file, 'sales-200k.xlsx', { kind: 'sales' });
  console.log(`upload: ${uploaded.status} in ${(uploaded.ms / 1000).toFixed(2)} s`);
  const jobStarted = performance.now();
  const job = await waitForJob(server, uploaded.body.id as string);
  const seconds = (performance.now() - jobStarted) / 1000;
  console.log(
    `import: ${job.status}, ${job.imported.toLocaleString('en')} imported, ${job.failed} failed, ${job.skipped} skipped, customers created ${job.summary.createdCustomers}`,
  );
  console.log(
    `time: upload + job ${(uploaded.ms / 1000 + seconds).toFixed(1)} s (${Math.round(ROWS / seconds).toLocaleString('en')} rows/s in the job); server peak RSS ${server.peakRssMiB().toFixed(0)} MiB; server CPU ${(server.cpuSeconds() - cpuBefore).toFixed(1)} s`,
  );

  const again = await uploadFile(server, file, 'sales-200k.xlsx', { kind: 'sales' });
  const repeat = await waitForJob(server, again.body.id as string);
  console.log(
    `same file again: imported ${repeat.imported}, already imported ${repeat.summary.alreadyImported}`,
  );

  const crafted = await tenMillionRows();
  const refused = await uploadFile(server, crafted, 'ten-million.xlsx', { kind: 'sales' });
  console.log(
    `10,000,000-row sheet (${(crafted.length / 1048576).toFixed(1)} MiB): ${refused.status} in ${(refused.ms / 1000).toFixed(2)} s: ${refused.body.detail}`,
  );
  console.log(`server peak RSS overall ${server.peakRssMiB().toFixed(0)} MiB`);
} finally {
  await server.stop();
}
