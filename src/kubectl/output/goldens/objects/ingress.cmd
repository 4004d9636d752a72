# command: kubectl create ingress web --rule='example.com/*=web:80' --annotation=nginx.ingress.kubernetes.io/rewrite-target=/ --dry-run=client -o json|yaml
# Client Version: v1.32.4-dispatcher, no server
