# configMap, secret, downwardAPI and projected volumes seen through kubectl exec: their keys as
# files, items mapped to paths with their modes, secret values decoded, pod fields from the
# downward API, several sources in one projected volume; all of them read-only.
kubectl create configmap app-config --from-literal=color=blue --from-literal=app.properties=mode=prod
kubectl create secret generic db --from-literal=user=admin --from-literal=password=s3cr3t
cat <<'YAML' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: config-demo
  labels:
    app: demo
    tier: web
spec:
  volumes:
  - name: config
    configMap:
      name: app-config
  - name: props
    configMap:
      name: app-config
      items:
      - key: app.properties
        path: conf/app.properties
        mode: 0600
  - name: creds
    secret:
      secretName: db
      defaultMode: 0400
  - name: podinfo
    downwardAPI:
      items:
      - path: name
        fieldRef: {fieldPath: metadata.name}
      - path: labels
        fieldRef: {fieldPath: metadata.labels}
  - name: bundle
    projected:
      sources:
      - configMap:
          name: app-config
          items: [{key: color, path: color}]
      - secret:
          name: db
          items: [{key: user, path: db-user}]
      - downwardAPI:
          items: [{path: namespace, fieldRef: {fieldPath: metadata.namespace}}]
  containers:
  - name: app
    image: busybox
    command: ["sleep", "3600"]
    volumeMounts:
    - {name: config, mountPath: /etc/config}
    - {name: props, mountPath: /etc/props}
    - {name: creds, mountPath: /etc/creds}
    - {name: podinfo, mountPath: /etc/podinfo}
    - {name: bundle, mountPath: /etc/bundle}
YAML
sleep 20
kubectl exec config-demo -- ls /etc/config
kubectl exec config-demo -- cat /etc/config/color
kubectl exec config-demo -- ls /etc/props /etc/props/conf
kubectl exec config-demo -- ls -lL /etc/props/conf
kubectl exec config-demo -- cat /etc/props/conf/app.properties
kubectl exec config-demo -- ls -lL /etc/creds
kubectl exec config-demo -- cat /etc/creds/password
kubectl exec config-demo -- cat /etc/podinfo/name
kubectl exec config-demo -- cat /etc/podinfo/labels
kubectl exec config-demo -- ls /etc/bundle
kubectl exec config-demo -- sh -c 'for f in /etc/bundle/*; do echo "$f: $(cat $f)"; done'
kubectl exec config-demo -- sh -c 'echo red > /etc/config/color'
kubectl exec config-demo -- rm /etc/creds/password
kubectl exec config-demo -- touch /etc/podinfo/x
kubectl exec config-demo -- cat /etc/config/color
