// Offline validation of the platform's Kubernetes manifests, container images and Compose file.
// Run through validate.sh (which installs yamllint, kubectl and the npm packages when missing);
// platform-tests' KubernetesManifestsTest runs it in `./platform test` and fails on a non-zero exit.
//
//   node validate.mjs --modules <node_modules dir>            validate everything, exit 1 on any problem
//   node validate.mjs --modules <dir> --write-realm-import    regenerate base/keycloak-realm-import.yaml
//   node validate.mjs --modules <dir> --kubernetes-dir <dir>  validate a copy of deploy/kubernetes
//
// What it checks (each problem is printed with the file or resource it is about):
//  1. yamllint over deploy/kubernetes (without the vendored CRDs) and deploy/compose (.yamllint);
//  2. `kubectl kustomize` of the base and of every overlay;
//  3. every rendered resource against its schema: core kinds with kubernetes-models (types, required
//     fields) plus a check for unknown fields (from the models' type declarations); Strimzi,
//     CloudNativePG, Barman Cloud and Keycloak resources against the openAPIV3Schema of their CRDs in
//     crds/ (unknown fields refused, as `kubectl apply --validate=strict` does);
//  4. the platform's own rules: no Secret and no demo secret in any manifest, probes on the three health
//     endpoints, resources, HPA, PDB, ServiceAccount and Service for every Deployment, the topics of the
//     local platform with a dead-letter topic each, replication 3 and retention forever, every class-level
//     @Path of a service routed by the Ingress, the realm import in step with identity/realm, every
//     referenced Secret documented in docs/deployment.md;
//  5. the Dockerfiles (they copy the Quarkus JVM layout of their own module) and docker-compose.yml.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";

const args = process.argv.slice(2);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../../..");
// --kubernetes-dir: validate a copy of deploy/kubernetes instead (KubernetesManifestsTest breaks one).
const K8S = args.includes("--kubernetes-dir") ? path.resolve(args[args.indexOf("--kubernetes-dir") + 1]) : path.resolve(HERE, "..");
const SERVICES = { "case-service": 8081, "referral-service": 8082, "reporting-service": 8083 };
const HEALTH = { startupProbe: "/q/health/started", readinessProbe: "/q/health/ready", livenessProbe: "/q/health/live" };
// The demo secrets of the local platform (ua.social.identity.hardening.DemoSecrets).
const DEMO_VALUES = new Set(["admin", "demo", "case-service-secret", "referral-service-secret",
  "reporting-service-secret", "reporting-local-demo-pseudonym-key"]);

const modulesDir = path.resolve(args[args.indexOf("--modules") + 1] || path.join(HERE, "node_modules"));
const require = createRequire(path.join(modulesDir, "noop.js"));
const yaml = require("js-yaml");
const Ajv = require("ajv");

const problems = [];
const problem = (where, what) => problems.push(`${where}: ${what}`);
const rel = (p) => path.relative(ROOT, p);
const readYamlAll = (file) => yaml.loadAll(fs.readFileSync(file, "utf8")).filter((d) => d != null);
const id = (r) => `${r.kind}/${r.metadata?.name}`;

// ---------------------------------------------------------------------------------------------------
// Realm import: identity/realm/social-services-realm.json without demo values (secrets become
// placeholders filled from the Secret platform-keycloak-clients; redirect URIs the public hosts).
const REALM_FILE = path.join(ROOT, "identity/realm/social-services-realm.json");
const REALM_IMPORT_FILE = path.join(K8S, "base/keycloak-realm-import.yaml");
const PUBLIC_REDIRECTS = {
  "front-office": ["https://front-office.social-services.example.org/*"],
  "ministry-dashboard": ["https://reporting.social-services.example.org/dashboard/*"],
};

// The realm without demo values; publicHosts: redirect URIs of the public hosts (else the file's own,
// localhost, for deploy/compose).
function productionRealm(publicHosts) {
  const realm = JSON.parse(fs.readFileSync(REALM_FILE, "utf8"));
  const placeholders = {};
  realm.clients = realm.clients.map((c) => {
    const client = { ...c };
    if (client.secret !== undefined) {
      const name = `${client.clientId.replace(/-/g, "_").toUpperCase()}_CLIENT_SECRET`;
      client.secret = "${" + name + "}";
      placeholders[name] = { secret: { name: "platform-keycloak-clients", key: client.clientId } };
    }
    if (client.redirectUris && publicHosts) {
      const uris = PUBLIC_REDIRECTS[client.clientId];
      if (!uris) throw new Error(`client ${client.clientId} has redirect URIs; add its public ones to PUBLIC_REDIRECTS`);
      client.redirectUris = uris;
    }
    return client;
  });
  // Only service-account users (no person, no credential): staff are created in the real Keycloak.
  realm.users = (realm.users || []).filter((u) => u.serviceAccountClientId).map((u) => {
    const { credentials, ...rest } = u;
    return rest;
  });
  return { realm, placeholders };
}
function realmImport() {
  const { realm, placeholders } = productionRealm(true);
  return {
    apiVersion: "k8s.keycloak.org/v2alpha1",
    kind: "KeycloakRealmImport",
    metadata: { name: "social-services" },
    spec: { keycloakCRName: "platform-keycloak", placeholders, realm },
  };
}
// deploy/compose imports the same realm; Keycloak fills the ${...} placeholders from its environment.
const COMPOSE_REALM_FILE = path.join(ROOT, "deploy/compose/keycloak/social-services-realm.json");
const composeRealm = () => JSON.stringify(productionRealm(false).realm, null, 2) + "\n";

const REALM_HEADER = `# GENERATED from identity/realm/social-services-realm.json by
#   deploy/kubernetes/validation/validate.sh --write-realm-import
# (do not edit; the validator fails when this file and the realm file disagree). The realm without
# demo values: the clients' secrets are placeholders filled by the Keycloak operator from the Secret
# platform-keycloak-clients, redirect URIs are the public hosts (overlays replace them), and the only
# user is case-service's service account. Staff accounts are created in Keycloak, never imported.
# The operator imports a realm only when it does not exist yet: later realm changes are applied in
# Keycloak (docs/operations.md#realm-changes).
`;

if (args.includes("--write-realm-import")) {
  fs.writeFileSync(REALM_IMPORT_FILE, REALM_HEADER + yaml.dump(realmImport(), { lineWidth: 120, noRefs: true }));
  fs.mkdirSync(path.dirname(COMPOSE_REALM_FILE), { recursive: true });
  fs.writeFileSync(COMPOSE_REALM_FILE, composeRealm());
  console.log(`wrote ${rel(REALM_IMPORT_FILE)} and ${rel(COMPOSE_REALM_FILE)}`);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------------
// 1. yamllint
function yamllint() {
  const r = spawnSync("yamllint", ["-f", "parsable", "-c", path.join(HERE, ".yamllint"), K8S,
    path.join(ROOT, "deploy/compose")], { encoding: "utf8" });
  if (r.error) return problem("yamllint", `cannot run it (${r.error.message}); validate.sh installs it`);
  for (const line of (r.stdout + r.stderr).split("\n").filter(Boolean)) problem("yamllint", line.replace(ROOT + "/", ""));
}

// 2. kustomize
function kustomize(dir) {
  const r = spawnSync("kubectl", ["kustomize", dir], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.error || r.status !== 0) {
    problem(rel(dir), `kubectl kustomize failed: ${r.error ? r.error.message : r.stderr.trim()}`);
    return [];
  }
  return yaml.loadAll(r.stdout).filter((d) => d != null);
}

// ---------------------------------------------------------------------------------------------------
// 3a. Core kinds: kubernetes-models validation, plus unknown fields from the models' declarations.
const dtsCache = new Map();
function resolveImport(fromFile, spec) {
  const base = spec.startsWith(".") ? path.resolve(path.dirname(fromFile), spec) : path.join(modulesDir, spec);
  return base.replace(/\.js$/, "") + ".d.ts";
}
function parseDts(file) {
  if (dtsCache.has(file)) return dtsCache.get(file);
  const text = fs.readFileSync(file, "utf8");
  const imports = new Map();
  for (const m of text.matchAll(/^import \{ (\w+) \} from "([^"]+)";$/gm)) imports.set(m[1], resolveImport(file, m[2]));
  const start = text.search(/^export interface \w+(?: extends [\w, ]+)? \{$/m);
  let result = null;
  if (start >= 0) {
    const props = new Map();
    const lines = text.slice(start).split("\n").slice(1);
    for (let i = 0; i < lines.length && lines[i] !== "}"; i++) {
      const m = lines[i].match(/^ {4}"([^"]+)"\??: (.*)$/);
      if (!m) continue;
      let type = m[2];
      let map = false;
      if (type === "{") { // a map: "{ [key: string]: T; }" over three lines
        map = true;
        type = lines[i + 1].trim().replace(/^\[key: string\]: /, "").replace(/;$/, "");
        i += 2;
      }
      type = type.replace(/;$/, "");
      const array = type.match(/^Array<(\w+)>$/);
      const named = (array ? array[1] : type).match(/^(I\w+)$/);
      props.set(m[1], { map, array: !!array, ref: named && imports.has(named[1]) ? imports.get(named[1]) : null });
    }
    result = props;
  }
  dtsCache.set(file, result);
  return result;
}
function unknownFields(value, dtsFile, where) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return;
  const props = parseDts(dtsFile);
  if (!props) return; // a scalar alias (Quantity, IntOrString, Time) or free JSON
  for (const [key, v] of Object.entries(value)) {
    const p = props.get(key);
    if (!p) { problem(where, `unknown field "${key}"`); continue; }
    if (!p.ref || v == null) continue;
    const each = (x, w) => unknownFields(x, p.ref, w);
    if (p.map) Object.entries(v).forEach(([k, x]) => each(x, `${where}.${key}.${k}`));
    else if (p.array && Array.isArray(v)) v.forEach((x, i) => each(x, `${where}.${key}[${i}]`));
    else each(v, `${where}.${key}`);
  }
}
async function validateCore(r, where) {
  const file = path.join(modulesDir, "kubernetes-models", r.apiVersion, `${r.kind}.js`);
  if (!fs.existsSync(file)) return false;
  const mod = await import(pathToFileURL(file).href);
  try {
    new mod[r.kind](r).validate();
  } catch (e) {
    problem(where, `schema: ${e.message}`);
  }
  unknownFields(r, file.replace(/\.js$/, ".d.ts"), where);
  return true;
}

// 3b. Custom resources: the CRDs' openAPIV3Schema, strict about unknown fields.
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
function strictify(s) {
  if (Array.isArray(s)) return s.map(strictify);
  if (s === null || typeof s !== "object") return s;
  const out = {};
  for (const [k, v] of Object.entries(s)) out[k] = k === "properties" || k === "patternProperties"
    ? Object.fromEntries(Object.entries(v).map(([n, x]) => [n, strictify(x)])) : strictify(v);
  if (out["x-kubernetes-int-or-string"]) {
    delete out.type;
    out.anyOf = [{ type: "integer" }, { type: "string" }];
  }
  if (out.properties && out.additionalProperties === undefined && !out["x-kubernetes-preserve-unknown-fields"]) {
    out.additionalProperties = false;
  }
  if (out.nullable && out.type) out.type = [].concat(out.type, "null");
  delete out.nullable;
  return out;
}
const crdValidators = new Map();
const crdSources = new Map();
for (const f of fs.readdirSync(path.join(HERE, "crds")).filter((n) => /\.ya?ml$/.test(n))) {
  for (const crd of readYamlAll(path.join(HERE, "crds", f))) {
    if (crd.kind !== "CustomResourceDefinition") continue;
    for (const v of crd.spec.versions) {
      const key = `${crd.spec.group}/${v.name}/${crd.spec.names.kind}`;
      const schema = strictify(v.schema.openAPIV3Schema);
      // Some generators (Keycloak's) leave apiVersion and kind out of the root schema.
      Object.assign(schema.properties, { apiVersion: { type: "string" }, kind: { type: "string" }, metadata: { type: "object" } });
      crdValidators.set(key, ajv.compile(schema));
      crdSources.set(key, f);
    }
  }
}
function validateCustom(r, where) {
  const validate = crdValidators.get(`${r.apiVersion}/${r.kind}`);
  if (!validate) return false;
  if (!validate(r)) {
    for (const e of validate.errors) {
      const extra = e.keyword === "additionalProperties" ? ` "${e.params.additionalProperty}"` : "";
      problem(where, `schema (${crdSources.get(`${r.apiVersion}/${r.kind}`)}): ${e.instancePath || "/"} ${e.message}${extra}`);
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------
// 4. The platform's rules.
function walkStrings(value, at, fn) {
  if (typeof value === "string") fn(value, at);
  else if (Array.isArray(value)) value.forEach((v, i) => walkStrings(v, `${at}[${i}]`, fn));
  else if (value && typeof value === "object") Object.entries(value).forEach(([k, v]) => walkStrings(v, `${at}.${k}`, fn));
}
const isDemoValue = (v) => DEMO_VALUES.has(v.trim()) || /-local$/.test(v.trim()) || v.includes("local-demo");

function localTopics() {
  const env = fs.readFileSync(path.join(ROOT, "deploy/local/platform.env"), "utf8");
  const m = env.match(/KAFKA_TOPICS:=([^}"]*)/);
  return m[1].trim().split(/\s+/).map((t) => t.split(":")[0]);
}
function servicePort(svc) {
  const props = fs.readFileSync(path.join(ROOT, svc, "src/main/resources/application.properties"), "utf8");
  return Number(props.match(/^quarkus\.http\.port=(\d+)/m)[1]);
}
function resourceRoots(svc) {
  const roots = new Set();
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".java")) {
        const text = fs.readFileSync(p, "utf8");
        const cls = text.match(/^@Path\("([^"]*)"\)[\s\S]*?^public (?:final )?class/m);
        if (!cls) continue;
        if (cls[1] === "/" || cls[1] === "") { // methods carry the roots
          for (const m of text.matchAll(/^ {4}@Path\("\/?([^/"{]+)/gm)) roots.add("/" + m[1]);
        } else roots.add("/" + cls[1].replace(/^\//, "").split("/")[0]);
      }
    }
  };
  walk(path.join(ROOT, svc, "src/main/java"));
  return [...roots];
}

function checkRendered(name, resources, docText) {
  const by = (kind) => resources.filter((r) => r.kind === kind);
  const named = (kind, n) => resources.find((r) => r.kind === kind && r.metadata?.name === n);
  const where = (r) => `${name} ${id(r)}`;

  for (const r of resources) {
    if (r.kind === "Secret") problem(where(r), "a Secret is committed; reference it and document how to create it");
    walkStrings(r, "", (v, at) => {
      if (isDemoValue(v)) problem(where(r), `demo secret value "${v}" at ${at}`);
    });
  }
  for (const d of by("Deployment")) {
    const spec = d.spec.template.spec;
    if (d.spec.replicas !== undefined) problem(where(d), "replicas set although an HPA owns the count");
    if (!named("ServiceAccount", spec.serviceAccountName || "")) problem(where(d), "no ServiceAccount of its own");
    const hpa = by("HorizontalPodAutoscaler").find((h) => h.spec.scaleTargetRef.name === d.metadata.name);
    if (!hpa) problem(where(d), "no HorizontalPodAutoscaler");
    else if (hpa.spec.minReplicas > hpa.spec.maxReplicas) problem(where(hpa), "minReplicas above maxReplicas");
    const labels = d.spec.template.metadata.labels || {};
    const selects = (sel) => sel && Object.entries(sel.matchLabels || {}).every(([k, v]) => labels[k] === v);
    if (!by("PodDisruptionBudget").some((p) => selects(p.spec.selector))) problem(where(d), "no PodDisruptionBudget");
    if (!by("Service").some((s) => s.spec.selector && Object.entries(s.spec.selector).every(([k, v]) => labels[k] === v))) {
      problem(where(d), "no Service");
    }
    for (const c of spec.containers) {
      for (const [probe, p] of Object.entries(HEALTH)) {
        if (c[probe]?.httpGet?.path !== p) problem(where(d), `container ${c.name}: ${probe} must GET ${p}`);
      }
      for (const kind of ["requests", "limits"]) for (const res of ["cpu", "memory"]) {
        if (!c.resources?.[kind]?.[res]) problem(where(d), `container ${c.name}: no resources.${kind}.${res}`);
      }
      if (SERVICES[d.metadata.name] && c.ports?.[0]?.containerPort !== servicePort(d.metadata.name)) {
        problem(where(d), `container port is not quarkus.http.port of ${d.metadata.name} (${servicePort(d.metadata.name)})`);
      }
      for (const e of c.envFrom || []) {
        if (e.configMapRef && !named("ConfigMap", e.configMapRef.name)) problem(where(d), `ConfigMap ${e.configMapRef.name} is not in the manifests`);
      }
      for (const e of c.env || []) {
        if (e.value && /PLATFORM_DEMO_SECRETS_ALLOWED/.test(e.name) && e.value !== "false") problem(where(d), "demo secrets allowed");
      }
    }
  }
  for (const svc of Object.keys(SERVICES)) if (!named("Deployment", svc)) problem(name, `no Deployment ${svc}`);
  for (const cm of by("ConfigMap")) {
    if (cm.data?.PLATFORM_DEMO_SECRETS_ALLOWED && cm.data.PLATFORM_DEMO_SECRETS_ALLOWED !== "false") problem(where(cm), "demo secrets allowed");
  }

  // Every Secret a resource refers to is explained in docs/deployment.md.
  const secrets = new Set();
  const collect = (v) => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if ((k === "secretKeyRef" || k === "secretRef") && x?.name) secrets.add(x.name);
        else if (k === "secret" && x?.secretName) secrets.add(x.secretName);
        else if (k === "secretName" && typeof x === "string") secrets.add(x);
        else if ((k === "usernameSecret" || k === "passwordSecret" || k === "accessKeyId" || k === "secretAccessKey") && x?.name) secrets.add(x.name);
        else if (k === "secret" && x?.name) secrets.add(x.name);
        collect(x);
      }
    }
  };
  collect(resources);
  for (const s of secrets) if (!docText.includes(`\`${s}\``)) problem(name, `Secret ${s} is referenced but docs/deployment.md does not explain it`);

  // Kafka topics: those of the local platform, each event topic with its .dlt, replication 3, kept forever.
  const topics = by("KafkaTopic");
  const names = topics.map((t) => t.spec.topicName || t.metadata.name);
  for (const t of localTopics()) if (!names.includes(t)) problem(name, `topic ${t} of deploy/local/platform.env has no KafkaTopic`);
  for (const t of names) {
    if (!t.endsWith(".dlt") && !names.includes(`${t}.dlt`)) problem(name, `topic ${t} has no dead-letter topic ${t}.dlt`);
    if (!localTopics().includes(t)) problem(name, `topic ${t} is not one of deploy/local/platform.env`);
  }
  for (const t of topics) {
    if (t.spec.replicas !== 3) problem(where(t), "replicas must be 3");
    if (String(t.spec.config?.["retention.ms"]) !== "-1") problem(where(t), "retention.ms must be -1 (replay reads from the beginning)");
    if ((t.spec.config?.["cleanup.policy"] || "delete") !== "delete") problem(where(t), "cleanup.policy must be delete (compaction drops a case's history)");
    if (t.metadata.labels?.["strimzi.io/cluster"] !== by("Kafka")[0]?.metadata.name) problem(where(t), "strimzi.io/cluster is not the Kafka cluster");
  }
  const pools = by("KafkaNodePool");
  if (!pools.some((p) => p.spec.roles.includes("controller"))) problem(name, "no KRaft controller node pool");
  const brokers = pools.filter((p) => p.spec.roles.includes("broker")).reduce((n, p) => n + p.spec.replicas, 0);
  if (brokers < 3) problem(name, `replication 3 needs at least 3 brokers, found ${brokers}`);

  // PostgreSQL: a cluster for each service's database, each with a scheduled backup.
  for (const svc of Object.keys(SERVICES)) {
    const db = svc.replace(/-service$/, "-db");
    const cl = named("Cluster", db);
    if (!cl) { problem(name, `no CloudNativePG Cluster ${db} for ${svc}`); continue; }
    if (cl.spec.bootstrap?.initdb?.database !== svc.replace(/-/g, "_")) problem(where(cl), `database must be ${svc.replace(/-/g, "_")}`);
  }
  for (const cl of by("Cluster")) {
    if (!by("ScheduledBackup").some((b) => b.spec.cluster.name === cl.metadata.name)) problem(where(cl), "no ScheduledBackup");
    const archiver = (cl.spec.plugins || []).find((p) => p.isWALArchiver);
    if (!archiver || !named("ObjectStore", archiver.parameters?.barmanObjectName)) problem(where(cl), "no WAL archiving to an ObjectStore");
  }

  // Ingress: each service's resource roots routed on its host, to its Service.
  const ingressPaths = {};
  for (const ing of by("Ingress")) for (const rule of ing.spec.rules || []) for (const p of rule.http?.paths || []) {
    const svc = p.backend.service?.name;
    (ingressPaths[svc] ||= new Set()).add(p.path);
    if (svc && !named("Service", svc) && svc !== `${by("Keycloak")[0]?.metadata.name}-service`) problem(where(ing), `backend ${svc} is no Service`);
  }
  for (const svc of Object.keys(SERVICES)) for (const root of resourceRoots(svc)) {
    if (!ingressPaths[svc]?.has(root)) problem(name, `${svc} serves ${root} (a class-level @Path) but the Ingress does not route it`);
  }

  // Hosts agree: every routed host has TLS; Keycloak's public URL, the dashboard's Keycloak URL and the
  // dashboard's redirect URIs name the hosts the Ingress routes to Keycloak and to reporting-service.
  const hostOf = (svc) => by("Ingress").flatMap((i) => i.spec.rules || [])
    .filter((rule) => (rule.http?.paths || []).some((p) => p.backend.service?.name === svc)).map((rule) => rule.host);
  for (const ing of by("Ingress")) for (const rule of ing.spec.rules || []) {
    if (!(ing.spec.tls || []).some((t) => (t.hosts || []).includes(rule.host))) problem(where(ing), `host ${rule.host} has no TLS`);
  }
  const kc = by("Keycloak")[0];
  if (kc) {
    const kcHost = new URL(kc.spec.hostname.hostname).host;
    if (new URL(kc.spec.hostname.hostname).protocol !== "https:") problem(where(kc), "the public Keycloak URL is not https");
    if (!hostOf(`${kc.metadata.name}-service`).includes(kcHost)) problem(where(kc), `hostname ${kcHost} is not routed to Keycloak by the Ingress`);
    const dash = named("ConfigMap", "reporting-service-config")?.data?.REPORTING_DASHBOARD_KEYCLOAK_URL;
    if (dash !== kc.spec.hostname.hostname) problem(name, `REPORTING_DASHBOARD_KEYCLOAK_URL (${dash}) is not Keycloak's hostname`);
  }
  const dashboardClient = by("KeycloakRealmImport")[0]?.spec.realm.clients.find((c) => c.clientId === "ministry-dashboard");
  for (const uri of dashboardClient?.redirectUris || []) {
    if (!hostOf("reporting-service").includes(new URL(uri.replace("*", "")).host)) problem(name, `ministry-dashboard redirect URI ${uri} is not reporting-service's host`);
  }

  // NetworkPolicies: a default deny, and nothing opens everything.
  if (!by("NetworkPolicy").some((n) => Object.keys(n.spec.podSelector || {}).length === 0 && n.spec.policyTypes.includes("Ingress") && !n.spec.ingress)) {
    problem(name, "no default-deny ingress NetworkPolicy");
  }
  for (const n of by("NetworkPolicy")) for (const rule of [...(n.spec.ingress || []), ...(n.spec.egress || [])]) {
    const peers = rule.from || rule.to;
    if (!peers || peers.length === 0) problem(where(n), "a rule without peers lets everything through");
  }

  // Keycloak: the realm import, no users but service accounts, no literal client secret.
  const imp = by("KeycloakRealmImport")[0];
  if (!imp) problem(name, "no KeycloakRealmImport");
  else {
    for (const u of imp.spec.realm.users || []) if (!u.serviceAccountClientId || u.credentials) problem(where(imp), `user ${u.username} is imported`);
    for (const c of imp.spec.realm.clients) if (c.secret && !/^\$\{\w+\}$/.test(c.secret)) problem(where(imp), `client ${c.clientId} has a literal secret`);
    if (imp.spec.keycloakCRName !== by("Keycloak")[0]?.metadata.name) problem(where(imp), "keycloakCRName is not the Keycloak resource");
  }
}

// ---------------------------------------------------------------------------------------------------
// 5. Dockerfiles and docker-compose.yml
function checkDockerfiles() {
  for (const svc of Object.keys(SERVICES)) {
    const file = path.join(ROOT, svc, "src/main/docker/Dockerfile.jvm");
    if (!fs.existsSync(file)) { problem(rel(file), "missing"); continue; }
    const text = fs.readFileSync(file, "utf8");
    if (!/^FROM \S+:\S+/m.test(text)) problem(rel(file), "FROM without a pinned tag");
    const copies = [...text.matchAll(/^COPY (?:--\S+ )*(\S+) (\S+)$/gm)].map((m) => m[1]);
    for (const need of ["target/quarkus-app/lib/", "target/quarkus-app/*.jar", "target/quarkus-app/app/", "target/quarkus-app/quarkus/"]) {
      if (!copies.includes(need)) problem(rel(file), `does not COPY ${need} (the Quarkus JVM layout)`);
    }
    const built = path.join(ROOT, svc, "target/quarkus-app");
    if (fs.existsSync(built)) { // after `./mvnw package`: every copied path exists
      for (const c of copies) {
        const p = path.join(ROOT, svc, c.replace("*.jar", "quarkus-run.jar"));
        if (!fs.existsSync(p)) problem(rel(file), `COPY ${c}: ${rel(p)} does not exist after the build`);
      }
    }
    const expose = text.match(/^EXPOSE (\d+)/m);
    if (!expose || Number(expose[1]) !== servicePort(svc)) problem(rel(file), `EXPOSE is not quarkus.http.port (${servicePort(svc)})`);
    if (!/^USER 185$/m.test(text)) problem(rel(file), "must run as the non-root user 185 (the manifests' runAsUser)");
  }
}

function checkCompose() {
  const file = path.join(ROOT, "deploy/compose/docker-compose.yml");
  if (!fs.existsSync(file)) return problem(rel(file), "missing");
  const compose = yaml.load(fs.readFileSync(file, "utf8"));
  const services = compose.services || {};
  for (const s of ["postgres", "kafka", "keycloak", ...Object.keys(SERVICES)]) if (!services[s]) problem(rel(file), `no service ${s}`);
  for (const [name, s] of Object.entries(services)) {
    if (!s.image && !s.build) problem(rel(file), `${name}: neither image nor build`);
    if (s.image && !/:[\w.-]+$/.test(s.image)) problem(rel(file), `${name}: image ${s.image} without a pinned tag`);
    if (s.build) {
      const ctx = path.resolve(path.dirname(file), s.build.context || s.build);
      const df = path.join(ctx, s.build.dockerfile || "Dockerfile");
      if (!fs.existsSync(df)) problem(rel(file), `${name}: Dockerfile ${rel(df)} does not exist`);
    }
    for (const dep of Object.keys(s.depends_on || {})) if (!services[dep]) problem(rel(file), `${name} depends on unknown ${dep}`);
    for (const v of s.volumes || []) {
      const src = typeof v === "string" ? v.split(":")[0] : v.source;
      if (src && src.startsWith(".")) {
        const p = path.resolve(path.dirname(file), src);
        if (!fs.existsSync(p)) problem(rel(file), `${name}: volume source ${src} does not exist`);
      }
    }
    walkStrings(s.environment || {}, `${name}.environment`, (v, at) => {
      if (isDemoValue(v)) problem(rel(file), `demo secret value "${v}" at ${at}`);
    });
    const env = s.environment || {};
    if (String(env.PLATFORM_DEMO_SECRETS_ALLOWED ?? "false") !== "false") problem(rel(file), `${name}: demo secrets allowed`);
  }
  for (const svc of Object.keys(SERVICES)) {
    const s = services[svc];
    if (!s) continue;
    const ports = (s.ports || []).map(String);
    if (!ports.some((p) => p.endsWith(`:${servicePort(svc)}`))) problem(rel(file), `${svc}: port ${servicePort(svc)} not published`);
    if (!s.healthcheck) problem(rel(file), `${svc}: no healthcheck`);
  }
}

// ---------------------------------------------------------------------------------------------------
const docText = fs.existsSync(path.join(ROOT, "docs/deployment.md")) ? fs.readFileSync(path.join(ROOT, "docs/deployment.md"), "utf8") : "";
yamllint();

// The realm import in the base is the generated one.
const committed = fs.existsSync(REALM_IMPORT_FILE) ? readYamlAll(REALM_IMPORT_FILE)[0] : null;
if (JSON.stringify(committed) !== JSON.stringify(realmImport())) {
  problem(rel(REALM_IMPORT_FILE), `out of step with ${rel(REALM_FILE)}: run deploy/kubernetes/validation/validate.sh --write-realm-import`);
}
if (!fs.existsSync(COMPOSE_REALM_FILE) || fs.readFileSync(COMPOSE_REALM_FILE, "utf8") !== composeRealm()) {
  problem(rel(COMPOSE_REALM_FILE), `out of step with ${rel(REALM_FILE)}: run deploy/kubernetes/validation/validate.sh --write-realm-import`);
}

const overlays = fs.readdirSync(path.join(K8S, "overlays")).map((o) => path.join(K8S, "overlays", o))
  .filter((d) => fs.existsSync(path.join(d, "kustomization.yaml")));
if (overlays.length === 0) problem("deploy/kubernetes/overlays", "no overlay");
let counted = 0;
for (const dir of [path.join(K8S, "base"), ...overlays]) {
  const name = rel(dir);
  const resources = kustomize(dir);
  const kinds = {};
  for (const r of resources) {
    const where = `${name} ${id(r)}`;
    kinds[r.kind] = (kinds[r.kind] || 0) + 1;
    if (!(await validateCore(r, where)) && !validateCustom(r, where)) problem(where, `no schema for ${r.apiVersion} ${r.kind}`);
  }
  if (resources.length) checkRendered(name, resources, docText);
  counted += resources.length;
  console.log(`${name}: ${resources.length} resources (${Object.entries(kinds).map(([k, n]) => `${n} ${k}`).join(", ")})`);
}
checkDockerfiles();
checkCompose();

if (problems.length) {
  console.log(`\n${problems.length} problem(s):`);
  for (const p of problems) console.log(`  ${p}`);
  process.exit(1);
}
console.log(`OK: yamllint, ${overlays.length} overlay(s) and the base rendered, ${counted} resources valid against their schemas, Dockerfiles and docker-compose.yml checked`);
