#!/usr/bin/env bash
# Regenerates the output-format goldens from a real kubectl 1.32 client.
# Usage: KUBECTL=/path/to/kubectl-1.32 bash capture.sh
#  - objects.tsv: each command is run with -o json and -o yaml into objects/NAME.{json,yaml}.
#  - jsonpath.txt: each template is applied to inputs/jsonpath-object.json with
#    -o jsonpath and -o jsonpath-as-json; results go to jsonpath.json.
#  - get.tsv: `kubectl get` against fakeApiserver.mjs (127.0.0.1 only), serving
#    inputs/configmaps.json; results go to get.json.
# Every captured case records its command line, stdout, stderr and exit code.
set -u
cd "$(dirname "$0")"
K="${KUBECTL:-kubectl}"
export KUBECONFIG=/nonexistent/kubeconfig
version="$("$K" version --client 2>/dev/null | head -1)"
tmp="$(mktemp -d)"
mkdir -p objects

# record NAME COMMAND-LINE [TEMPLATE]: runs kubectl, appends a JSON record to $RECORDS.
record() {
  local name="$1" line="$2" template="${3:-}"
  eval "timeout 20 \"\$K\" $line" >"$tmp/out" 2>"$tmp/err" </dev/null
  local code=$?
  node -e '
    const fs = require("fs");
    const [name, line, code, out, err, template] = process.argv.slice(1);
    const rec = { name, command: "kubectl " + line, ...(template ? { template } : {}), exit: Number(code),
      stdout: fs.readFileSync(out, "utf8"), stderr: fs.readFileSync(err, "utf8") };
    fs.appendFileSync(process.env.RECORDS, JSON.stringify(rec) + "\n");' \
    "$name" "$line" "$code" "$tmp/out" "$tmp/err" "$template"
}
collect() { node -e '
  const fs = require("fs");
  const recs = fs.readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
  fs.writeFileSync(process.argv[2], JSON.stringify({ kubectl: process.argv[3], cases: recs }, null, 2) + "\n");' \
  "$1" "$2" "$version"; }

while IFS=$'\t' read -r name line; do
  case "$name" in ''|'#'*) continue ;; esac
  # -o goes before a "--" (after it, words are the container's command).
  for fmt in json yaml; do
    case "$line" in
      *' -- '*) cmd="${line%% -- *} -o $fmt -- ${line#* -- }" ;;
      *) cmd="$line -o $fmt" ;;
    esac
    eval "\"\$K\" $cmd" >"objects/$name.$fmt" </dev/null
  done
  printf '# command: kubectl %s -o json|yaml\n# %s, no server\n' "$line" "$version" >"objects/$name.cmd"
done <objects.tsv

export RECORDS="$tmp/jsonpath"
while IFS= read -r template; do
  [ -z "$template" ] && continue
  q="$(printf '%q' "$template")"
  record jsonpath "annotate --local -f inputs/jsonpath-object.json kubeplay.dev/golden=1 -o jsonpath=$q" "$template"
  record jsonpath-as-json "annotate --local -f inputs/jsonpath-object.json kubeplay.dev/golden=1 -o jsonpath-as-json=$q" "$template"
done <jsonpath.txt
collect "$RECORDS" jsonpath.json

port=18080
node fakeApiserver.mjs "$port" inputs/configmaps.json &
server=$!
sleep 1
export RECORDS="$tmp/get"
while IFS=$'\t' read -r name line; do
  case "$name" in ''|'#'*) continue ;; esac
  record "$name" "-s http://127.0.0.1:$port $line"
done <get.tsv
kill "$server"
collect "$RECORDS" get.json
rm -rf "$tmp"
