# command: kubectl create priorityclass high --value=1000 --description='used for the most important workloads of the whole cluster, which must never be evicted by anything else' --dry-run=client -o json|yaml
# Client Version: v1.32.4-dispatcher, no server
