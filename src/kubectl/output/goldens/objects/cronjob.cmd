# command: kubectl create cronjob x --image=busybox --schedule='*/1 * * * *' --dry-run=client -- sh -c 'date; echo hi' -o json|yaml
# Client Version: v1.32.4-dispatcher, no server
