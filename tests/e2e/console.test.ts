import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openWatchedPage, type WatchedPage } from "./support/browser";
import { type PreviewServer, startPreview } from "./support/preview";
import { terminalText, typeCommand, waitForTerminal } from "./support/terminal";

describe("the kubectl console", () => {
  let server: PreviewServer;
  let browser: WatchedPage;

  beforeAll(async () => {
    server = await startPreview();
    browser = await openWatchedPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("runs kubectl through the simulator and lists what the editor applied", async () => {
    const { page } = browser;
    await page.goto(server.url);
    await page.locator('[data-testid="console"][data-ready="true"] .xterm-rows').waitFor();
    await page.locator('[data-testid="editor"][data-ready="true"] .view-lines').waitFor();
    await page.locator('[data-testid="apply"]').click();
    await waitForTerminal(page, /deployment\.apps\/nginx-deployment created/);
    await typeCommand(page, "kubectl get deploy");
    // The engine's controllers may or may not have started pods yet: assert the row, not READY.
    await waitForTerminal(page, /NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\n\s*nginx-deployment\s+\d+\/3/);
    await typeCommand(page, "k get nodes");
    await waitForTerminal(page, /node-1\s+Ready/);
  });

  it("recalls history with the up arrow and completes with Tab", async () => {
    const { page } = browser;
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await waitForTerminal(page, /\$ kubectl get deploy$/);
    await page.keyboard.press("Control+U");
    await page.keyboard.type("kubectl get depl");
    await page.keyboard.press("Tab");
    await waitForTerminal(page, /\$ kubectl get deploy$/);
    await page.keyboard.press("Tab");
    await waitForTerminal(page, /deployments\s+deployment\s+deploy\n\$ kubectl get deploy$/);
    await page.keyboard.type(" ngi");
    await page.keyboard.press("Tab");
    await waitForTerminal(page, /\$ kubectl get deploy nginx-deployment$/);
    await page.keyboard.press("Enter");
    await waitForTerminal(page, /nginx-deployment\s+\d+\/3/);
  });

  it("switches namespace with kubectl config, and completes names in the new one", async () => {
    const { page } = browser;
    await typeCommand(page, "kubectl create namespace shop");
    await waitForTerminal(page, /namespace\/shop created/);
    await typeCommand(page, "kubectl config set-context --current --namespace=shop");
    await waitForTerminal(page, /Context "kubeplay" modified\./);
    await typeCommand(page, "kubectl create deployment cart --image=nginx");
    await waitForTerminal(page, /deployment\.apps\/cart created/);
    await typeCommand(page, "kubectl get deploy");
    const listed = await waitForTerminal(page, /\$ kubectl get deploy\nNAME\s+READY.*\ncart\s+\d\/1.*\n\$$/);
    // Only the shop namespace's Deployment: nginx-deployment is in default.
    expect(listed.slice(listed.lastIndexOf("$ kubectl get deploy"))).not.toContain("nginx-deployment");
    await page.keyboard.type("kubectl get deploy ca");
    await page.keyboard.press("Tab");
    await waitForTerminal(page, /\$ kubectl get deploy cart$/);
    await page.keyboard.press("Control+U");
    // Back to the default namespace for the tests that follow.
    await typeCommand(page, "kubectl config set-context --current --namespace=");
    await waitForTerminal(page, /--namespace=\nContext "kubeplay" modified\.\n\$$/);
  });

  it("answers non-kubectl lines with a hint, errors in red, and clear/help", async () => {
    const { page } = browser;
    await typeCommand(page, "get pods");
    await waitForTerminal(
      page,
      /get: command not found \(this console runs kubectl and kubeplay commands\)\nDid you mean: kubectl get pods/,
    );
    await typeCommand(page, "kubectl get nosuchthing");
    await waitForTerminal(page, /error: the server doesn't have a resource type "nosuchthing"/);
    const red = page.locator('[data-testid="console"] .xterm-rows span', { hasText: "nosuchthing" }).last();
    await expect(red.getAttribute("class")).resolves.toMatch(/xterm-fg-1\b/);
    await typeCommand(page, "kubeplay help");
    await waitForTerminal(page, /advance/);
    await typeCommand(page, "help");
    await waitForTerminal(page, /This console runs:/);
    await page.screenshot({ path: ".tmp/console-en-light.png" });
    await typeCommand(page, "clear");
    await expect.poll(() => terminalText(page)).toBe("$");
  });

  it("keeps history across a reload, in Chinese and dark theme too", async () => {
    const { page } = browser;
    await page.waitForTimeout(1500);
    await page.reload();
    await page.locator('[data-testid="console"][data-ready="true"] .xterm-rows').waitFor();
    await page.getByRole("button", { name: "中文" }).click();
    await page.locator(".theme-toggle").click();
    await page.locator('[data-testid="console"] .xterm').click();
    await page.keyboard.press("ArrowUp");
    await waitForTerminal(page, /\$ clear$/);
    await page.keyboard.press("Control+U");
    await typeCommand(page, "pods");
    await waitForTerminal(page, /pods: 找不到命令/);
    await page.screenshot({ path: ".tmp/console-zh-dark.png" });
    await page.locator(".theme-toggle").click();
    await page.getByRole("button", { name: "English" }).click();
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.consoleErrors).toEqual([]);
  });

  it("follows a command that keeps running: rollout status to its end, get -w until Ctrl-C", async () => {
    const { page } = browser;
    await typeCommand(page, "kubectl create deployment follow --image=nginx:1.27.4 --replicas=2");
    await waitForTerminal(page, /deployment\.apps\/follow created/);
    await typeCommand(page, "kubectl rollout status deployment/follow");
    await waitForTerminal(page, /Waiting for deployment "follow" rollout to finish: .*\.\.\.$/);
    // Paused, the command waits with the clock, and the console says so; playing, it follows
    // the rollout to its end.
    const pausedNote = page
      .getByRole("status")
      .filter({ hasText: "The clock is paused, so kubectl is still waiting" });
    await pausedNote.waitFor();
    await page.getByTestId("speed").selectOption("10");
    await page.getByTestId("play").click();
    await pausedNote.waitFor({ state: "hidden" });
    await waitForTerminal(page, /deployment "follow" successfully rolled out\n\$$/, 20_000);
    await page.getByTestId("pause").click();
    await typeCommand(page, "kubectl get deploy follow -w");
    await waitForTerminal(page, /follow\s+2\/2\s+2\s+2\s+\d+s$/);
    await page.screenshot({ path: ".tmp/console-follow.png" });
    await page.keyboard.press("Control+C");
    await waitForTerminal(page, /\^C\n\$$/);
    await typeCommand(page, "kubectl get deploy follow");
    await waitForTerminal(page, /\$ kubectl get deploy follow\nNAME\s+READY/);
    // delete prints at once, then waits until the pods are gone, as kubectl's --wait does.
    await typeCommand(page, "kubectl delete pods -l app=follow");
    await waitForTerminal(page, /pod "follow-\S+" deleted\npod "follow-\S+" deleted$/);
    await pausedNote.waitFor();
    await page.getByRole("button", { name: "Advance time by +10s" }).click();
    await waitForTerminal(page, /pod "follow-\S+" deleted\n\$$/);
    await pausedNote.waitFor({ state: "hidden" });
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.consoleErrors).toEqual([]);
  });

  it("runs commands in a container with kubectl exec, and a shell session with exec -it", async () => {
    const { page } = browser;
    await typeCommand(page, "kubectl run shell --image=busybox:1.36 -- sleep 3600");
    await waitForTerminal(page, /pod\/shell created/);
    await typeCommand(page, "kubeplay advance 30s");
    await waitForTerminal(page, /kubeplay advance 30s\n.*\n\$$/);
    await typeCommand(page, "kubectl exec shell -- cat /etc/hostname");
    await waitForTerminal(page, /cat \/etc\/hostname\nshell\n\$$/);
    await typeCommand(page, "kubectl exec -it shell -- sh");
    await waitForTerminal(page, /exec -it shell -- sh\n\/ #$/);
    await page.keyboard.type("echo hello from $HOSTNAME > /tmp/greeting; cat /tmp/greeting");
    await page.keyboard.press("Enter");
    await waitForTerminal(
      page,
      /\n\/ # echo hello from \$HOSTNAME > \/tmp\/greeting; cat \/tmp\/greeting\nhello from shell\n\/ #$/,
    );
    // The session's shell keeps its directory from line to line, and its prompt shows it.
    await page.keyboard.type("cd /tmp");
    await page.keyboard.press("Enter");
    await page.keyboard.type("cat greeting");
    await page.keyboard.press("Enter");
    await waitForTerminal(page, /\n\/ # cd \/tmp\n\/tmp # cat greeting\nhello from shell\n\/tmp #$/);
    await page.keyboard.type("exit 3");
    await page.keyboard.press("Enter");
    await waitForTerminal(page, /\/tmp # exit 3\ncommand terminated with exit code 3\n\$$/);
    await typeCommand(page, "kubectl exec shell -- cat /tmp/greeting");
    await waitForTerminal(page, /-- cat \/tmp\/greeting\nhello from shell\n\$$/);
    // A warning kubectl writes before its result shows before it, as in a terminal.
    await typeCommand(page, "kubectl delete pod shell --force");
    await waitForTerminal(
      page,
      /--force\nWarning: Immediate deletion does not wait .*\n(.*\n)?pod "shell" force deleted\n\$$/,
    );
    expect(browser.consoleErrors).toEqual([]);
  });

  it("reaches a Service from inside the cluster: kubectl run -i --rm with wget, and a run -it shell session", async () => {
    const { page } = browser;
    await typeCommand(page, "kubectl expose deployment follow --port=80");
    await waitForTerminal(page, /service\/follow exposed\n\$$/);
    await page.getByTestId("speed").selectOption("10");
    await page.getByTestId("play").click();
    await typeCommand(
      page,
      "kubectl run probe -i --rm --restart=Never --image=busybox:1.36 -- wget -qO- http://follow",
    );
    await waitForTerminal(
      page,
      /<p><em>Thank you for using nginx.<\/em><\/p>\n<\/body>\n<\/html>\npod "probe" deleted\n\$$/,
      20_000,
    );
    // run -it … -- sh: a session with the new pod's own shell; exit ends the pod, --rm deletes it.
    // Paused, kubectl waits for the pod to start, and the console says why nothing happens.
    await page.getByTestId("pause").click();
    await typeCommand(page, "kubectl run debug -it --rm --restart=Never --image=busybox:1.36 -- sh");
    const pausedNote = page
      .getByRole("status")
      .filter({ hasText: "The clock is paused, so kubectl is still waiting" });
    await pausedNote.waitFor();
    await page.getByTestId("play").click();
    await waitForTerminal(page, /If you don't see a command prompt, try pressing enter.\n\/ #$/, 20_000);
    // At the shell's prompt kubectl waits for the learner, not for the clock.
    await page.getByTestId("pause").click();
    await pausedNote.waitFor({ state: "hidden" });
    await page.getByTestId("play").click();
    // Back to the terminal (the buttons took the focus), as a learner clicks into it.
    await page.locator('[data-testid="console"] .xterm').click();
    await page.keyboard.type("wget -qO- follow | grep title");
    await page.keyboard.press("Enter");
    await waitForTerminal(page, /<title>Welcome to nginx!<\/title>\n\/ #$/);
    await page.keyboard.type("exit 2");
    await page.keyboard.press("Enter");
    await waitForTerminal(
      page,
      /\/ # exit 2\npod "debug" deleted\npod default\/debug terminated \(Error\)\n\$$/,
      20_000,
    );
    await page.getByTestId("pause").click();
    await page.screenshot({ path: ".tmp/console-run-rm.png" });
    expect(browser.consoleErrors).toEqual([]);
  });

  it("writes a command's output into an editor tab with > FILE, which kubectl apply -f then reads, and pipes it into grep or wc", async () => {
    const { page } = browser;
    await typeCommand(
      page,
      "kubectl create deployment gen --image=nginx:1.27.4 --replicas=2 --dry-run=client -o yaml > gen.yaml",
    );
    // The YAML goes to the tab, shown once the command is done; the terminal only gets the prompt back.
    await page.getByRole("tab", { name: "gen.yaml", selected: true }).waitFor();
    await expect(page.locator('[data-testid="editor"] .view-lines').innerText()).resolves.toMatch(
      /kind:\s+Deployment[\s\S]*name:\s+gen[\s\S]*replicas:\s+2/,
    );
    await waitForTerminal(page, /-o yaml > gen\.yaml\n\$$/);
    await typeCommand(page, "kubectl apply -f gen.yaml");
    await waitForTerminal(page, /deployment\.apps\/gen created\n\$$/);
    // >> adds to the end; errors still reach the terminal, in red; only standard output is redirected.
    await typeCommand(page, "kubectl get deployment gen nosuch -o name >> names.txt");
    await waitForTerminal(page, /Error from server \(NotFound\): deployments.apps "nosuch" not found\n\$$/);
    await page.getByRole("tab", { name: "names.txt", selected: true }).waitFor();
    await expect(page.locator('[data-testid="editor"] .view-lines').innerText()).resolves.toMatch(
      /deployment\.apps\/gen/,
    );
    // Pipes into busybox's text filters.
    await typeCommand(page, "kubectl api-resources | grep -w deployments");
    await waitForTerminal(
      page,
      /\| grep -w deployments\ndeployments\s+deploy\s+apps\/v1\s+true\s+Deployment\n\$$/,
    );
    await typeCommand(page, "kubectl get deployment gen -o name | wc -c");
    await waitForTerminal(page, /\| wc -c\n20\n\$$/);
    // Shell variables and command substitution, as the Kubernetes Basics tutorial uses them.
    await typeCommand(
      page,
      "export POD_NAME=\"$(kubectl get pods -l app=gen -o jsonpath='{.items[0].metadata.name}')\"",
    );
    await typeCommand(page, "echo Name of the Pod: $POD_NAME");
    await waitForTerminal(page, /\nName of the Pod: gen-[a-z0-9]+-[a-z0-9]{5}\n\$$/);
    await typeCommand(page, "kubectl get pod $POD_NAME -o name | wc -l");
    await waitForTerminal(page, /\| wc -l\n1\n\$$/);
    // Command lists: && after a success, || after a failure, ; always; a pipeline's status is its last command's.
    await typeCommand(page, "kubectl get deployment nosuch && echo found || echo missing; echo done");
    await waitForTerminal(page, /deployments.apps "nosuch" not found\nmissing\ndone\n\$$/);
    await typeCommand(page, "kubectl get deployments -o name | grep -q gen && echo gen is there");
    await waitForTerminal(page, /grep -q gen && echo gen is there\ngen is there\n\$$/);
    // A Secret's value, decoded as most tutorials do it (busybox base64 prints no newline of its own).
    await typeCommand(page, "kubectl create secret generic db --from-literal=password=s3cret");
    await typeCommand(page, "kubectl get secret db -o jsonpath='{.data.password}' | base64 -d; echo");
    await waitForTerminal(page, /\| base64 -d; echo\ns3cret\n\$$/);
    await typeCommand(page, "kubectl get pods | awk '{print $1}'");
    await waitForTerminal(page, /awk: not found here: the console pipes into grep, head, tail, wc/);
    await typeCommand(page, "kubectl get pods 2> errors.txt");
    await waitForTerminal(page, /"2>" \(a redirection of descriptor 2\) is not supported/);
    await typeCommand(page, "kubectl get pods > /tmp/pods.txt");
    await waitForTerminal(page, /\/tmp\/pods\.txt: files here are the editor's tabs/);
    expect(browser.consoleErrors).toEqual([]);
  });

  it("runs kubectl edit in an editor tab: an invalid save comes back with the reason, a valid one applies", async () => {
    const { page } = browser;
    const replace = async (from: string, to: string) => {
      // As a learner would: find the text (Ctrl+F selects the first match), close the widget, type over it.
      await page.keyboard.press("ControlOrMeta+F");
      await page.keyboard.type(from);
      await page.keyboard.press("Escape");
      await page.keyboard.type(to);
    };
    await typeCommand(page, "kubectl edit deployment follow");
    await waitForTerminal(page, /kubectl edit opened the editor tab kubectl-edit-\d+\.yaml/);
    const lines = page.locator('[data-testid="editor"] .view-lines');
    await lines.filter({ hasText: /Please.edit.the.object.below/ }).waitFor();
    await page.getByTestId("edit-session").waitFor();
    await replace("replicas: 2", "replicas: -1");
    await page.keyboard.press("ControlOrMeta+S");
    await waitForTerminal(page, /error: deployments\.apps "follow" is invalid$/);
    await lines.filter({ hasText: /spec\.replicas:.Invalid.value:.-1/ }).waitFor();
    await replace("replicas: -1", "replicas: 3");
    await page.getByTestId("edit-save").click();
    await waitForTerminal(page, /deployment\.apps\/follow edited\n\$$/);
    await page.getByTestId("edit-session").waitFor({ state: "detached" });
    await typeCommand(page, "kubectl get deploy follow -o jsonpath={.spec.replicas}");
    await waitForTerminal(page, /jsonpath=\{\.spec\.replicas\}\n3\$?$/m);
    expect(browser.foreignRequests).toEqual([]);
    expect(browser.consoleErrors).toEqual([]);
  });
});
