/**
 * A small page of our own at `/`: Apollo's default landing pages load their scripts from a CDN and
 * show nothing on an offline network, which is where many government deployments run.
 */
export function landingPage(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Disclosure Hub 政务公开数据中枢</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#1f2328}
code,pre{background:#f6f8fa;padding:.1rem .3rem;border-radius:4px}pre{padding:1rem;overflow:auto}</style></head>
<body>
<h1>Disclosure Hub <small>政务公开数据中枢</small></h1>
<p>One GraphQL endpoint for a city's disclosures: enterprise credit publicity, public resource trading,
the PPP project library and environmental monitoring, validated, linked by unified social credit code,
with every change kept.</p>
<ul>
<li><code>POST /graphql</code> — the GraphQL API (JSON body <code>{"query": "…"}</code>)</li>
<li><a href="/healthz"><code>/healthz</code></a> — 200 while the database answers</li>
<li><a href="/readyz"><code>/readyz</code></a> — 200 once migrations are applied and the scheduler runs</li>
</ul>
<p>A first query:</p>
<pre>curl -s localhost:4000/graphql -H 'content-type: application/json' \\
  -d '{"query":"{ disclosures(first: 5) { totalCount edges { node { id domain title publishedAt } } } }"}'</pre>
</body></html>`;
}
