# command: kubectl create quota q --hard=cpu=0.5,memory=1Gi,pods=10 --dry-run=client -o json|yaml
# Client Version: v1.32.4-dispatcher, no server
