# command: kubectl create serviceaccount sa --dry-run=client -o json|yaml
# Client Version: v1.32.4-dispatcher, no server
