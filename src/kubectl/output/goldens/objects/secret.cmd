# command: kubectl create secret generic s --from-literal=password='p@ss:w0rd' --from-literal=empty= --dry-run=client -o json|yaml
# Client Version: v1.32.4-dispatcher, no server
