import { StatusError } from "../api/errors";
import { KubectlError } from "./verb";

/**
 * kubectl's rendering of an error, with its newline: server errors get
 * `Error from server (Reason): `, Invalid prints bare, client errors as given.
 */
export function formatError(error: unknown): string {
  if (error instanceof StatusError) {
    if (error.kubectlMessage) return error.kubectlMessage;
    return `Error from server (${error.reason}): ${error.message}\n`;
  }
  // As kubectl's CheckErr: a newline unless the message ends with one.
  if (error instanceof KubectlError)
    return error.message.endsWith("\n") ? error.message : `${error.message}\n`;
  const message = error instanceof Error ? error.message : String(error);
  return `error: ${message}\n`;
}
