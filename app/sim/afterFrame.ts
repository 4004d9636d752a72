/**
 * Runs `run` in a task of its own just after the next frame is drawn (a requestAnimationFrame
 * callback that posts a message). Work done inside the rAF callback shares one task with the
 * style, layout and paint that follow it; work done just after the frame leaves those to the
 * next frame's task, so neither task carries both. Still at most once per frame, and paused
 * with rAF while the page is hidden.
 */
export function afterFrame(run: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      run();
    };
    channel.port2.postMessage(null);
  });
}
