# command: kubectl create configmap c --from-literal=a=$'multi\nline' --from-literal=b=80 --from-literal=c=true --from-literal=d= --from-literal=e='*' --from-literal=f='- x' --from-literal=g='a: b' --from-literal=h=2026-01-05T10:00:00Z --from-literal=i=y --from-literal=j=$'ends\n' --dry-run=client -o json|yaml
# Client Version: v1.32.4-dispatcher, no server
