import type { Cluster } from "../cluster";
import type { KubectlStream } from "../kubectl/stream";

/** What a running command printed while it was followed, and its exit code if it ended. */
export interface Followed {
  stdout: string;
  stderr: string;
  code?: number;
}

/**
 * Lets a running command (get -w, rollout status, logs -f, wait) follow the cluster for up to
 * `seconds`, reading it after each simulated second as a console would; interrupts it after.
 */
export function followStream(cluster: Cluster, stream: KubectlStream, seconds: number): Followed {
  let stdout = "";
  let stderr = "";
  for (let s = 0; s < seconds; s++) {
    cluster.advance(1);
    const read = stream.read();
    stdout += read.stdout;
    stderr += read.stderr;
    if (read.code !== undefined) return { stdout, stderr, code: read.code };
  }
  stream.stop();
  return { stdout, stderr };
}
