#!/usr/bin/env bash
# Regenerates the golden files from a real kubectl 1.32 client with no cluster.
# Usage: KUBECTL=/path/to/kubectl-1.32 bash capture.sh
# Each golden holds the command line, bash's own word splitting of it (argv),
# the exit code, and stdout/stderr byte for byte.
set -u
cd "$(dirname "$0")"
K="${KUBECTL:-kubectl}"
export KUBECONFIG=/nonexistent/kubeconfig
version="$("$K" version --client 2>/dev/null | head -1)"
tmp="$(mktemp -d)"
while IFS=$'\t' read -r name line; do
  case "$name" in ''|'#'*) continue ;; esac
  argv="$(eval "node -e 'console.log(JSON.stringify(process.argv.slice(1)))' -- $line")"
  eval "timeout 20 \"\$K\" $line" >"$tmp/out" 2>"$tmp/err" </dev/null
  code=$?
  {
    printf '# command: kubectl %s\n' "$line"
    printf '# argv: %s\n' "$argv"
    printf '# exit: %s\n' "$code"
    printf '# %s, no server\n' "$version"
    printf -- '--- stdout\n'
    cat "$tmp/out"
    printf -- '--- stderr\n'
    cat "$tmp/err"
  } >"$name.txt"
done <cases.tsv
rm -rf "$tmp"
