import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under a data directory (databases with their -wal and -shm, keys, locks), as raw bytes. */
export const storedFiles = (dataDir: string): { file: string; bytes: Buffer }[] => {
  const files: { file: string; bytes: Buffer }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push({ file: relative(dataDir, path), bytes: readFileSync(path) });
    }
  };
  walk(dataDir);
  return files;
};

/** The ways a text could sit in a file: UTF-8, UTF-16 and JSON's \u escapes. */
export const encodingsOf = (text: string): Buffer[] => {
  const escaped = [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
  return [
    Buffer.from(text, 'utf8'),
    Buffer.from(text, 'utf16le'),
    Buffer.from(escaped),
    Buffer.from(escaped.toUpperCase().replace(/\\U/g, '\\u')),
  ];
};

/** The files under the data directory that hold the text in any of its encodings. */
export const filesHolding = (dataDir: string, text: string): string[] =>
  storedFiles(dataDir)
    .filter(({ bytes }) => encodingsOf(text).some((encoded) => bytes.includes(encoded)))
    .map(({ file }) => file);
