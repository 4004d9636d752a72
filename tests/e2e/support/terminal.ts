import type { Page } from "playwright-core";

/** The console's visible text, row by row (xterm's DOM renderer), trailing blanks trimmed. */
export async function terminalText(page: Page): Promise<string> {
  const rows = await page.locator('[data-testid="console"] .xterm-rows > div').allInnerTexts();
  return rows
    .map((r) => r.replace(/\u00a0/g, " ").trimEnd())
    .join("\n")
    .trimEnd();
}

/** Waits until the console shows `pattern`. */
export async function waitForTerminal(page: Page, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = "";
  while (Date.now() < deadline) {
    text = await terminalText(page);
    if (pattern.test(text)) return text;
    await page.waitForTimeout(100);
  }
  throw new Error(`console never showed ${pattern}; it shows:\n${text}`);
}

/** Types a line into the console and presses Enter. */
export async function typeCommand(page: Page, line: string): Promise<void> {
  await page.locator('[data-testid="console"] .xterm').click();
  await page.keyboard.type(line);
  await page.keyboard.press("Enter");
}
