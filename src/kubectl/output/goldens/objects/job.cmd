# command: kubectl create job j --image=busybox --dry-run=client -- echo '<html> & "quotes"' -o json|yaml
# Client Version: v1.32.4-dispatcher, no server
