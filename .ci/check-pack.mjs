// What `npm pack` would publish: only dist/, the manifest, README and package.json; no
// tests, stories, sources or source maps; every `exports` target present; and no file that
// names a path outside the package (a build machine's home directory, say).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
const files = pack.files.map((f) => f.path);
const problems = [];

const allowed = (path) => path.startsWith('dist/') || ['package.json', 'README.md', 'custom-elements.json', 'LICENSE'].includes(path);
for (const path of files) {
  if (!allowed(path)) problems.push(`unexpected file in the package: ${path}`);
  if (/\.map$/.test(path)) problems.push(`source map in the package: ${path}`);
  if (/(^|\/)(test|stories|__tests__)\//.test(path) || /\.(test|stories)\.[jt]s$/.test(path))
    problems.push(`test or story in the package: ${path}`);
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
for (const [entry, target] of Object.entries(pkg.exports)) {
  for (const file of typeof target === 'string' ? [target] : Object.values(target)) {
    if (!files.includes(file.replace(/^\.\//, ''))) problems.push(`exports["${entry}"] points at ${file}, which is not in the package`);
  }
}

const home = /\/(home|Users|root|work|tmp)\/[^\s'"]+/;
for (const path of files.filter((p) => /\.(js|d\.ts|json)$/.test(p))) {
  const match = home.exec(readFileSync(path, 'utf8'));
  if (match) problems.push(`${path} names a path outside the package: ${match[0]}`);
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`npm pack: ${files.length} files, ${(pack.size / 1024).toFixed(0)} KB packed, only dist/ and documentation`);
