// Builds the web app before `npm start` when dist/web is missing or older than its sources,
// so a fresh checkout needs only `npm install` and `npm start`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'dist/web/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const time = entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

const sources = [path.join(root, 'src/web'), path.join(root, 'src/domain')];
const sourceTime = Math.max(...sources.filter(existsSync).map(newestMtime));
if (!existsSync(built) || statSync(built).mtimeMs < sourceTime) {
  console.log('Building the web app (first start or sources changed)…');
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
