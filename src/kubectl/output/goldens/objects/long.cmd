# command: kubectl annotate --local -f inputs/long.json kubeplay.dev/golden=1 -o json|yaml
# Client Version: v1.32.4-dispatcher, no server
