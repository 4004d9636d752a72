import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openWatchedPage, type WatchedPage } from "./support/browser";
import { type PreviewServer, startPreview } from "./support/preview";
import { typeCommand, waitForTerminal } from "./support/terminal";

const graph = '[data-testid="cluster-graph"]';

/** How many drawn elements match `selector` inside the graph, once it settles on `count`. */
async function settle(page: Page, selector: string, count: number, timeoutMs = 10_000): Promise<void> {
  await page.waitForFunction(
    ([s, n]) => document.querySelectorAll(s as string).length === n,
    [`${graph} ${selector}`, count],
    { timeout: timeoutMs },
  );
}

async function advance(page: Page, label: "+10s" | "+1m" | "+10m"): Promise<void> {
  await page.getByRole("button", { name: `Advance time by ${label}` }).click();
}

describe("the cluster view", () => {
  let server: PreviewServer;
  let browser: WatchedPage;

  beforeAll(async () => {
    server = await startPreview();
    browser = await openWatchedPage();
    await browser.page.emulateMedia({ reducedMotion: "reduce" });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("applying a 3-replica Deployment draws 1 Deployment, 1 ReplicaSet, 3 Running pods and their owner edges", async () => {
    const { page } = browser;
    await page.goto(server.url);
    await page.locator('[data-testid="console"][data-ready="true"] .xterm-rows').waitFor();
    await page.locator('[data-testid="editor"][data-ready="true"] .view-lines').waitFor();
    await page.locator('[data-testid="apply"]').click();
    await waitForTerminal(page, /deployment\.apps\/nginx-deployment created/);
    await advance(page, "+1m");
    await settle(page, '[data-kind="Pod"][data-phase="Running"]', 3);
    await settle(page, '[data-kind="Deployment"]', 1);
    await settle(page, '[data-kind="ReplicaSet"]', 1);
    const ownerEdges = await page.locator(`${graph} [data-edge="owner"]`).count();
    expect(ownerEdges).toBeGreaterThanOrEqual(4);
    await page.screenshot({ path: ".tmp/view-deployment.png" });
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.consoleErrors).toEqual([]);
  });

  it("removing a pod's label in the console takes its owner edge away and a new pod appears", async () => {
    const { page } = browser;
    const pod = page.locator(`${graph} [data-kind="Pod"]`).first();
    const name = (await pod.getAttribute("data-name")) ?? "";
    const uid = (await pod.getAttribute("data-uid")) ?? "";
    await expect(page.locator(`${graph} [data-edge="owner"][data-to="${uid}"]`).count()).resolves.toBe(1);
    await typeCommand(page, `kubectl label pod ${name} app-`);
    await waitForTerminal(page, new RegExp(`pod/${name} unlabeled`));
    await advance(page, "+10s");
    await settle(page, '[data-kind="Pod"]', 4);
    await settle(page, `[data-edge="owner"][data-to="${uid}"]`, 0);
    await settle(page, `[data-edge="selector"][data-to="${uid}"]`, 0);
    await expect(
      page.locator(`${graph} [data-kind="Pod"][data-phase="Running"]`).count(),
    ).resolves.toBeGreaterThanOrEqual(3);
  });

  it("hovering a Service highlights exactly its endpoints", async () => {
    const { page } = browser;
    await typeCommand(page, "kubectl create service clusterip nginx --tcp=80:80");
    await waitForTerminal(page, /service\/nginx created/);
    await advance(page, "+10s");
    const service = page.locator(`${graph} [data-kind="Service"]`);
    await service.waitFor();
    await service.hover();
    await settle(page, '[data-kind="Pod"][data-highlighted="true"]', 3);
    await typeCommand(
      page,
      "kubectl get endpoints nginx -o jsonpath={.subsets[0].addresses[*].targetRef.name}",
    );
    const text = await waitForTerminal(
      page,
      /nginx-deployment-\S+ nginx-deployment-\S+ nginx-deployment-\S+/,
    );
    const endpoints = (text.match(/(nginx-deployment-\S+ ){2}nginx-deployment-\S+/)?.[0] ?? "")
      .split(" ")
      .sort();
    await service.hover();
    const lit = await page
      .locator(`${graph} [data-kind="Pod"][data-highlighted="true"]`)
      .evaluateAll((els) => els.map((el) => el.getAttribute("data-name") ?? ""));
    expect(lit.sort()).toEqual(endpoints);
    await expect(
      page.locator(`${graph} [data-edge="selector"][data-highlighted="true"]`).count(),
    ).resolves.toBe(3);
    await page.screenshot({ path: ".tmp/view-service-hover.png" });
    await page.mouse.move(5, 5);
  });

  it("scrubbing back draws the earlier state, and Live returns to now", async () => {
    const { page } = browser;
    const scrubber = page.getByTestId("scrubber");
    await scrubber.focus();
    await page.keyboard.press("Home");
    await page.locator('[data-testid="cluster-view"][data-live="false"]').waitFor();
    await settle(page, '[data-kind="Deployment"]', 0);
    await settle(page, '[data-kind="Node"]', 3);
    await expect(page.getByTestId("timeline-now").textContent()).resolves.toMatch(
      /Showing the cluster at 10:00:00/,
    );
    // Step forward through decisions: the Deployment reappears with its first pods.
    await page.getByRole("button", { name: "Next decision" }).click();
    await settle(page, '[data-kind="Deployment"]', 1);
    await page.getByTestId("live").click();
    await page.locator('[data-testid="cluster-view"][data-live="true"]').waitFor();
    await settle(page, '[data-kind="Pod"]', 4);
    await settle(page, '[data-kind="Service"]', 1);
  });

  it("steps one decision at a time, the drawing showing the cluster exactly as each left it", async () => {
    const { page } = browser;
    await page.getByTestId("scrubber").focus();
    await page.keyboard.press("Home");
    await page.locator('[data-testid="cluster-view"][data-live="false"]').waitFor();
    const now = page.getByTestId("timeline-now");
    const binding = /default-scheduler: .*bound pod default\/(\S+) to (node-\d)/;
    /** Clicks `name` until the timeline stands on a binding of a pod other than `not`; returns it. */
    const stepToBinding = async (name: string, not?: string) => {
      for (let i = 0; i < 20; i++) {
        await page.getByRole("button", { name }).click();
        const found = ((await now.textContent()) ?? "").match(binding);
        if (found && found[1] !== not) return { pod: found[1], node: found[2] };
      }
      throw new Error(`no binding reached with ${name}`);
    };
    // The scheduler bound the three pods within one batch; stepping shows them bound one by one.
    const first = await stepToBinding("Next decision");
    await settle(page, `[data-kind="Pod"][data-name="${first.pod}"][data-node="${first.node}"]`, 1);
    await settle(page, '[data-kind="Pod"][data-node=""]', 2);
    const second = await stepToBinding("Next decision", first.pod);
    await settle(page, `[data-kind="Pod"][data-name="${second.pod}"][data-node="${second.node}"]`, 1);
    await settle(page, '[data-kind="Pod"][data-node=""]', 1);
    await stepToBinding("Next decision", second.pod);
    await settle(page, '[data-kind="Pod"][data-node=""]', 0);
    await stepToBinding("Previous decision", undefined);
    await expect(now.textContent()).resolves.toContain(second.pod);
    await settle(page, '[data-kind="Pod"][data-node=""]', 1);
    await page.getByTestId("live").click();
    await page.locator('[data-testid="cluster-view"][data-live="true"]').waitFor();
    await settle(page, '[data-kind="Pod"]', 4);
  });

  it("clicking a pod opens its inspector with its owner chain, and its owners highlight", async () => {
    const { page } = browser;
    await page.locator(`${graph} [data-kind="Pod"][data-phase="Running"]`).last().click();
    const inspector = page.getByTestId("inspector");
    await expect(inspector.textContent()).resolves.toMatch(
      /Owned by.*ReplicaSet nginx-deployment-.*Deployment nginx-deployment/,
    );
    await page.mouse.move(5, 5);
    await settle(page, '[data-kind="ReplicaSet"][data-highlighted="true"]', 1);
    await settle(page, '[data-kind="Deployment"][data-highlighted="true"]', 1);
    await page.getByRole("button", { name: "Close the inspector" }).click();
  });

  it("the inspector lists a pod's Events, and only Scheduled when the view goes back to its binding", async () => {
    const { page } = browser;
    const pod = page.locator(`${graph} [data-kind="Pod"][data-phase="Running"]`).first();
    const name = (await pod.getAttribute("data-name")) ?? "";
    await pod.click();
    const events = page.getByTestId("inspector").getByTestId("inspector-events");
    await events.filter({ hasText: "Started" }).waitFor();
    await expect(events.textContent()).resolves.toMatch(/^Scheduled.*assigned.*Pulled.*Created.*Started/);
    // Back to the decision that bound it: the kubelet has done nothing yet.
    await page.getByTestId("scrubber").focus();
    await page.keyboard.press("Home");
    const now = page.getByTestId("timeline-now");
    for (let i = 0; i < 60 && !((await now.textContent()) ?? "").includes(`bound pod default/${name} `); i++)
      await page.getByRole("button", { name: "Next decision" }).click();
    await expect(now.textContent()).resolves.toContain(`bound pod default/${name} `);
    await page.waitForFunction(
      (s) =>
        document.querySelector(s)?.textContent?.match(/^Scheduled Successfully assigned \S+ to node-\d$/),
      '[data-testid="inspector-events"]',
    );
    // Nor does it say why: the decisions listed are those made by then.
    const why = page.getByTestId("inspector").getByTestId("inspector-why");
    await expect(why.textContent()).resolves.toContain(`bound pod default/${name} `);
    await expect(why.textContent()).resolves.not.toMatch(/sandbox created|container nginx started/);
    await page.mouse.move(5, 5);
    await events.scrollIntoViewIfNeeded();
    await page.getByTestId("inspector").screenshot({ path: ".tmp/view-inspector-events-past.png" });
    await page.getByTestId("live").click();
    await events.filter({ hasText: "Started" }).waitFor();
    await expect(why.textContent()).resolves.toMatch(/sandbox created.*container nginx started/);
    await events.scrollIntoViewIfNeeded();
    await page.getByTestId("inspector").screenshot({ path: ".tmp/view-inspector-events.png" });
    await page.getByRole("button", { name: "Close the inspector" }).click();
  });

  it("a rollout mid-way, a CrashLoopBackOff pod and a collapsed 300-pod ReplicaSet, in both themes", async () => {
    const { page } = browser;
    await typeCommand(page, "kubectl set image deployment/nginx-deployment nginx=nginx:1.25");
    await waitForTerminal(page, /image updated/);
    await advance(page, "+10s");
    await settle(page, '[data-kind="ReplicaSet"]', 2);
    await shoot(page, "view-rollout");
    await typeCommand(page, 'kubectl create deployment crash --image=busybox -- sh -c "exit 1"');
    await waitForTerminal(page, /deployment.apps\/crash created/);
    await advance(page, "+1m");
    await settle(page, '[data-kind="Pod"][data-state="CrashLoopBackOff"]', 1);
    await page.locator(`${graph} [data-state="CrashLoopBackOff"]`).click();
    await page.getByTestId("inspector").waitFor();
    await page.mouse.move(5, 5);
    await shoot(page, "view-crashloop");
    await page.getByRole("button", { name: "Close the inspector" }).click();
    await typeCommand(page, "kubectl create deployment big --image=nginx --replicas=300");
    await waitForTerminal(page, /deployment.apps\/big created/);
    await advance(page, "+1m");
    await page.waitForFunction(
      (s) =>
        [...document.querySelectorAll(s)].reduce((n, el) => n + Number(el.getAttribute("data-count")), 0) ===
        300,
      `${graph} [data-summary]`,
    );
    await shoot(page, "view-collapsed-300");
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.consoleErrors).toEqual([]);
  });
});

/** Screenshots in the light theme and then the dark one (and back). */
async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `.tmp/${name}-light.png` });
  const toggle = page.getByRole("button", { name: "Switch between light and dark theme" });
  await toggle.click();
  await page.locator('html[data-theme="dark"]').waitFor({ state: "attached" });
  await page.screenshot({ path: `.tmp/${name}-dark.png` });
  await toggle.click();
}
