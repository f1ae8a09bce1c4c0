#!/bin/bash
# usage: run.sh  -> regenerates fixture and goldens in out/
cd "$(dirname "$0")"
node fixtures.js
rm -f requests.log
node server.js fixture.json 18443 & SP=$!
sleep 0.7
cat > kubeconfig <<K
apiVersion: v1
kind: Config
clusters: [{name: f, cluster: {server: "http://127.0.0.1:18443"}}]
users: [{name: u, user: {}}]
contexts: [{name: c, context: {cluster: f, user: u}}]
current-context: c
K
mkdir -p out; rm -f out/*
K() { TZ=UTC HOME=./home /usr/lib/google-cloud-sdk/bin/kubectl.1.32 --kubeconfig kubeconfig --cache-dir ./cache "$@"; }
while read -r name args; do
  [ -z "$name" ] && continue
  # start early in a second so the whole-second ages kubectl computes match the recorded time
  while now=$(date +%s%3N); (( now % 1000 > 150 )); do sleep 0.02; done
  echo $now > out/$name.now
  K describe $args > out/$name.txt 2> out/$name.err
done <<L
pod-nginx pod nginx-6d4cf56db6-abcde
pod-web -n shop pod web
pod-pending pod pending
pod-dying pod dying
pod-proxy -n kube-system pod kube-proxy-m9d4k
deploy-nginx deployment nginx
rs-nginx rs nginx-6d4cf56db6
rs-old rs nginx-7c5ddbdf54
ds-proxy -n kube-system ds kube-proxy
svc-nginx svc nginx
svc-api svc api
svc-lb svc lb
svc-ext svc ext
ep-nginx endpoints nginx
ep-api endpoints api
ep-empty endpoints empty
eps-nginx endpointslice nginx-8x2kq
eps-api endpointslice api-abcde
node-node1 node node1
node-master node master
ns-shop ns shop
ns-old ns old
cm-web -n shop cm web-config
cm-bin -n shop cm bin
secret-web -n shop secret web-secret
secret-token -n shop secret web-sa-token
sa-web -n shop sa web-sa
sa-default -n shop sa default
pv-data pv pv-data
pv-free pv pv-free
pvc-data -n shop pvc data-pvc
pvc-wait -n shop pvc wait-pvc
sc-standard sc standard
sc-fast sc fast
role -n shop role pod-reader
clusterrole clusterrole viewer
rolebinding -n shop rolebinding read-pods
clusterrolebinding clusterrolebinding view-all
event-web -n shop event web.0000000000000013
pod-creating pod creating
pod-badimg pod badimg
pod-once pod once
pod-once-noevents --show-events=false pod once
deploy-api -n shop deploy api
deploy-lonely -n shop deploy lonely
node-node2 node node2
svc-db -n shop svc db
eps-db -n shop endpointslice db-xyz12
eps-empty -n shop endpointslice empty-abc
multi-rs rs
pod-secure -n shop pod secure
deploy-web2 -n shop deploy web2
rs-web2 -n shop rs web2-old
pvc-clone -n shop pvc clone
pv-csi pv pv-csi
sc-zonal sc zonal
svc-edge -n shop svc edge
L
kill $SP
# Go ranges over Data maps in random order: retry until the keys come out sorted
node server.js fixture.json 18443 & SP=$!
sleep 0.5
for i in $(seq 1 40); do
  while now=$(date +%s%3N); (( now % 1000 > 150 )); do sleep 0.02; done; echo $now > out/cm-web.now
  K describe -n shop cm web-config > out/cm-web.txt
  grep -q '^app.properties:' <(head -8 out/cm-web.txt) && break
done
for i in $(seq 1 60); do
  while now=$(date +%s%3N); (( now % 1000 > 150 )); do sleep 0.02; done; echo $now > out/secret-token.now
  K describe -n shop secret web-sa-token > out/secret-token.txt
  [ "$(sed -n '/^====/,$p' out/secret-token.txt | sed 1d | cut -d: -f1 | tr '\n' ' ')" = "ca.crt namespace token " ] && break
done
kill $SP
# copy the goldens next to the test: cases, the time each ran, and the snapshot
node -e '
const fs = require("fs");
const fx = JSON.parse(fs.readFileSync("fixture.json", "utf8"));
fs.writeFileSync("../cluster.json", `{"base": ${fx.base}, "objects": [\n${fx.objects.map((o) => JSON.stringify(o)).join(",\n")}\n]}\n`);
const now = {};
for (const f of fs.readdirSync("out").filter((f) => f.endsWith(".txt")).sort()) {
  const name = f.slice(0, -4);
  fs.copyFileSync(`out/${f}`, `../${f}`);
  now[name] = fs.existsSync(`out/${name}.now`) ? Number(fs.readFileSync(`out/${name}.now`, "utf8")) : fx.base;
}
fs.writeFileSync("../now.json", JSON.stringify(now, null, 1) + "\n");
'
