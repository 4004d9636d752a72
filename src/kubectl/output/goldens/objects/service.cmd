# command: kubectl create service nodeport web --tcp=80:8080 --dry-run=client -o json|yaml
# Client Version: v1.32.4-dispatcher, no server
