/** `tsunagu studio [book.xlsx] [--port 8080]`: opens the workbook in a Session and serves the local studio until Ctrl+C. */
import { Session } from '../session';
import { startStudio } from '../studio/server';
import { type Io, UsageError, intOption } from './io';

export interface StudioValues {
  port?: string;
  stats?: boolean;
  'no-backup'?: boolean;
}

/** What stops the studio; tests pass their own, the CLI uses the process signals. */
export interface StopSignal {
  wait(): Promise<string>;
}

/** Resolves at the first SIGINT or SIGTERM, and stops listening for them. */
export function processStopSignal(): StopSignal {
  return {
    wait: () =>
      new Promise((resolve) => {
        const stop = (signal: string): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve(signal);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      }),
  };
}

export async function runStudio(
  rest: string[],
  values: StudioValues,
  io: Io,
  stop: StopSignal = processStopSignal(),
): Promise<number> {
  if (rest.length > 1) {
    throw new UsageError(`ブックは 1 つだけ指定してください: ${rest.join(' ')} / give at most one workbook`);
  }
  const port = intOption(values.port, 'port', 8080, 0, 65_535);
  const bookPath = rest[0];
  const session =
    bookPath === undefined ? Session.create() : await Session.open(bookPath, { backups: values['no-backup'] !== true });
  let studio;
  try {
    studio = await startStudio({ session, bookPath, port, stats: values.stats === true, io });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      throw new UsageError(
        `ポート ${port} は使えません（${code}）。--port で別の番号を指定してください / port ${port} is not available (${code}): choose another with --port`,
      );
    }
    throw error;
  }
  io.out(`つなぐ スタジオ: ${studio.url}  (Ctrl+C で終了 / stop)`);
  if (bookPath === undefined) {
    io.out(
      'ブックを指定していないため、変更はどこにも保存されません / no workbook given: changes are kept in memory only',
    );
  }
  await stop.wait();
  await studio.close();
  io.out('スタジオを終了しました / studio stopped');
  return 0;
}
