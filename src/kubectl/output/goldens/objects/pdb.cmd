# command: kubectl create pdb p --selector=app=web --min-available=50% --dry-run=client -o json|yaml
# Client Version: v1.32.4-dispatcher, no server
