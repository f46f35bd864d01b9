import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { sinkOf, type TextSink } from '../ocds/packageWriter';
import { UsageError } from './errors';

export interface Output {
  name: string;
  sink: TextSink;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * Standard output, or a temporary file beside --out that replaces it only when the output is
 * complete: a failed command never leaves a truncated file that looks like a finished one.
 */
export async function openOutput(out: string | undefined): Promise<Output> {
  if (out === undefined) return { name: 'standard output', sink: sinkOf(process.stdout), commit: async () => {}, discard: async () => {} };
  const file = path.resolve(out);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new UsageError(`cannot write --out ${out}: it is a directory; name a file`);
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const handle = await fs.promises.open(temporary, 'w').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot write --out ${out}: ${reasonOf(error, path.dirname(file))}`);
  });
  const stream = handle.createWriteStream();
  const close = async () => {
    stream.end();
    await finished(stream);
  };
  return {
    name: out,
    sink: sinkOf(stream),
    commit: async () => {
      await close();
      await fs.promises.rename(temporary, file).catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`cannot write --out ${out}: ${reasonOf(error, path.dirname(file))}`);
      });
    },
    discard: async () => {
      stream.destroy();
      await fs.promises.rm(temporary, { force: true });
    },
  };
}

function reasonOf(error: NodeJS.ErrnoException, directory: string): string {
  switch (error.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return `the directory ${directory} does not exist`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied in ${directory}`;
    case 'EROFS':
      return `${directory} is on a read-only file system`;
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return error.message;
  }
}
