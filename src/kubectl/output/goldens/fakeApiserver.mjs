// A minimal read-only API server on 127.0.0.1 for capturing goldens with a real kubectl
// `get`: legacy discovery for the core group and a ConfigMap list read from a JSON file.
// Usage: node fakeApiserver.mjs PORT ITEMS.json
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const [port, itemsFile] = process.argv.slice(2);
const items = JSON.parse(readFileSync(itemsFile, "utf8"));
const configmaps = {
  name: "configmaps", singularName: "configmap", namespaced: true, kind: "ConfigMap",
  verbs: ["get", "list"], shortNames: ["cm"],
};
const routes = {
  "/api": { kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [] },
  "/apis": { kind: "APIGroupList", apiVersion: "v1", groups: [] },
  "/api/v1": { kind: "APIResourceList", groupVersion: "v1", resources: [configmaps] },
  "/api/v1/namespaces/default/configmaps": {
    kind: "ConfigMapList", apiVersion: "v1", metadata: { resourceVersion: "42" }, items,
  },
};
for (const item of items) routes[`/api/v1/namespaces/default/configmaps/${item.metadata.name}`] = item;

createServer((req, res) => {
  const body = routes[new URL(req.url, "http://x").pathname];
  res.writeHead(body ? 200 : 404, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body ?? { kind: "Status", apiVersion: "v1", status: "Failure", reason: "NotFound", code: 404 }));
}).listen(Number(port), "127.0.0.1");
