// Browser test of the page of `parallax serve`: starts a real server on a free port and
// Debian's headless Chromium (through playwright-core from npm), then checks the live story
// list, a story view, search, and that script in article fields is shown as text.
// Run by ctest (tests/CMakeLists.txt); `npm install --prefix tests/browser` is done by
// scripts/setup.sh. Every outlet, place and person here is fictional.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

const bin = process.env.PARALLAX_BIN;
const browserPath = process.env.CHROMIUM || "/usr/bin/chromium";
assert.ok(bin, "PARALLAX_BIN must name the parallax binary");

function startServer(db) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ["serve", "--db", db, "--port", "0", "-j", "2"], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) resolve({ child, url: m[0] });
    });
    child.on("exit", (code) => reject(new Error("parallax serve exited with " + code)));
  });
}

async function post(url, articles) {
  const body = articles.map((a) => JSON.stringify(a)).join("\n") + "\n";
  const r = await fetch(url + "v1/articles", { method: "POST", body, headers: { "Content-Type": "application/x-ndjson" } });
  const reply = await r.json();
  assert.equal(r.status, 200, JSON.stringify(reply));
  return reply.items;
}

// Two independent reports of one fire (rewritten, not copied), giving different counts.
const fire = (id, outlet, title, count) => ({
  id, outlet, title, published: "2026-03-03T08:00:00Z", url: "https://example.test/" + id,
  text: count === "Fifty"
    ? `A fire destroyed a grain warehouse in the port of Tarnby on Tuesday night, the fire service said.\n` +
      `Fifty firefighters fought the blaze for six hours before bringing it under control, fire chief Ilse Vorhaug said.\n` +
      `No one was injured, but the warehouse and its grain stores were lost.\n`
    : `Tarnby's harbour lost a grain warehouse to fire overnight on Tuesday.\n` +
      `Fire chief Ilse Vorhaug said ${count} firefighters had fought the blaze for six hours.\n` +
      `Port officials said nobody was hurt and that the cause was not yet known.\n`,
});
const vote = (id, outlet, title) => ({
  id, outlet, title, published: "2026-03-04T09:00:00Z",
  text: "The Korsholm council approved the new harbour budget by 21 votes to 9 on Wednesday.\n" +
        "The budget funds two new harbour inspectors and a ferry pier.\n",
});
const HOSTILE = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> Estvik ferry strike ends`;

// page.waitForFunction compiles its predicate inside the page, which the page's CSP forbids
// (no eval): poll with page.evaluate instead, which the DevTools protocol runs outside the CSP.
async function until(page, predicate, arg) {
  const deadline = Date.now() + 10000;
  for (;;) {
    if (await page.evaluate(predicate, arg)) return;
    if (Date.now() > deadline) throw new Error("timed out waiting for: " + predicate.toString());
    await new Promise((r) => setTimeout(r, 100));
  }
}

const dir = mkdtempSync(join(tmpdir(), "parallax_browser_"));
const { child, url } = await startServer(join(dir, "news.db"));
const browser = await chromium.launch({ executablePath: browserPath, args: ["--no-sandbox"] });
try {
  const filed = await post(url, [
    fire("f1", "Courier", "Fire destroys Tarnby grain warehouse", "Fifty"),
    vote("k1", "Post", "Korsholm passes harbour budget"),
    fire("f2", "Ledger", "Tarnby warehouse lost in blaze", "Sixty"),
    { id: "x1", outlet: `<b>Herald</b>`, title: HOSTILE, published: "2026-03-05T10:00:00Z",
      text: `Ferry crews in Estvik returned to work on Thursday <script>window.__pwned = 3</script> after nine days.\n` +
            `The Vestlinje ferry company said sailings would resume at noon.\n` },
  ]);
  const fireStory = filed[0].story;
  assert.equal(filed[2].story, fireStory, "the two fire reports are one story");

  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("requestfailed", (r) => errors.push("request failed: " + r.url()));
  await page.goto(url);

  // The story list, newest activity first, every field as text.
  await until(page, () => document.querySelectorAll("#list li[data-id]").length === 3);
  const titles = await page.$$eval("#list li[data-id] .title", (els) => els.map((e) => e.textContent));
  assert.equal(titles[0], HOSTILE, "the hostile title is shown as its own characters");
  assert.ok(titles.includes("Fire destroys Tarnby grain warehouse"));
  assert.equal(await page.evaluate(() => window.__pwned), undefined, "no script from an article ran");
  assert.equal(await page.$$eval("img", (els) => els.length), 0, "no element was made from an article");
  assert.equal(await page.$$eval("b", (els) => els.length), 0);

  // Live: a new story appears without a reload.
  await post(url, [vote("k2", "Courier", "Korsholm harbour budget approved")]);
  await post(url, [{ id: "o1", outlet: "Tribune", title: "Oskarhamn bridge closed for repairs", published: "2026-03-06T07:00:00Z",
                     text: "The Oskarhamn bridge will be closed for three weeks of repairs, the road agency said.\n" }]);
  await until(page, () => [...document.querySelectorAll("#list .title")].some((e) => e.textContent.startsWith("Oskarhamn")));

  // A story view: digest sentences with their sources, sources side by side.
  await page.click(`#list li[data-id="${fireStory}"]`);
  await until(page, () => document.querySelectorAll(".side div").length === 2);
  assert.equal(await page.textContent("#story h2"), "Fire destroys Tarnby grain warehouse");
  const digest = await page.$$eval(".digest li", (els) => els.map((li) => ({ text: li.textContent, sources: li.querySelectorAll("a.src").length })));
  assert.ok(digest.length > 0, "the digest is shown");
  for (const d of digest) assert.ok(d.sources > 0, "every digest sentence names a source: " + d.text);
  const sides = await page.$$eval(".side h4", (els) => els.map((e) => e.textContent));
  assert.deepEqual(sides.map((s) => s.split(" — ")[0]).sort(), ["Courier", "Ledger"]);
  const api = await (await fetch(url + "v1/stories/" + fireStory)).json();
  assert.equal(await page.$$eval(".conflict", (els) => els.length), api.conflicts.length);
  assert.ok(api.conflicts.length > 0, "Fifty vs Sixty firefighters is a conflict");
  assert.ok(await page.$$eval("mark.conflict-mark", (els) => els.length) >= 2, "the conflicting passages are marked in both sources");
  // A source tag leads to that source's column.
  await page.click(".digest a.src");
  assert.ok((await page.evaluate(() => location.hash)).startsWith("#" + "s"));
  // The story on screen updates live when an article joins it.
  await post(url, [fire("f3", "Tribune", "Tarnby blaze: grain warehouse lost", "Sixty")]);
  await until(page, () => document.querySelectorAll("#story table tr").length === 4);

  // The hostile story's view: text, not markup, there too.
  await page.click(`#list li[data-id="${filed[3].story}"]`);
  await until(page, () => document.querySelectorAll(".side div").length === 1);
  assert.equal(await page.textContent("#story h2"), HOSTILE);
  assert.ok((await page.textContent(".side div")).includes("<script>window.__pwned = 3</script>"));
  assert.equal(await page.evaluate(() => window.__pwned), undefined);

  // Search narrows the list.
  await page.fill("#q", "Korsholm");
  await until(page, () => document.querySelectorAll("#list li[data-id]").length === 1);
  assert.match(await page.textContent("#list li[data-id] .title"), /Korsholm/);
  await page.fill("#q", "");
  await page.fill("#outlet", "tribune");
  await until(page, () => document.querySelectorAll("#list li[data-id]").length === 1);

  assert.deepEqual(errors, [], "no script error and no failed request (no external assets)");
  console.log("browser test: ok");
} finally {
  await browser.close();
  child.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}
