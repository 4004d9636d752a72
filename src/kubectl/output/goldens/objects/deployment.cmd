# command: kubectl create deployment web --image=nginx --replicas=3 --port=80 --dry-run=client -o json|yaml
# Client Version: v1.32.4-dispatcher, no server
