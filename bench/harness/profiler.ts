import fs from 'node:fs';
import inspector from 'node:inspector';
import path from 'node:path';

/** V8's sampling profiler over the inspector protocol, in this process. */
export class Profiler {
  private session?: inspector.Session;

  private post<T = unknown>(method: string, params?: object): Promise<T> {
    return new Promise((resolve, reject) => this.session!.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));
  }

  async start(): Promise<void> {
    if (!this.session) {
      this.session = new inspector.Session();
      this.session.connect();
      await this.post('Profiler.enable');
      // 250 µs: a request (or a page of a sync) takes a few ms, so each gets several samples.
      await this.post('Profiler.setSamplingInterval', { interval: 250 });
    }
    await this.post('Profiler.start');
  }

  async stop(file: string): Promise<void> {
    const { profile } = await this.post<{ profile: unknown }>('Profiler.stop');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(profile));
  }

  async close(): Promise<void> {
    this.session?.disconnect();
  }
}
