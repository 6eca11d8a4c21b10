// Browser tests of `storyline serve`, in Debian's Chromium driven by playwright-core
// (headless, no sandbox, no GPU, no network beyond the loopback server).
//
//   node run.mjs --bin PATH/storyline --db STORE [--shots DIR] [--hostile] [--name LABEL]
//
// Starts the server on a free loopback port, walks the pages a reader would, checks what
// they show, and writes a screenshot of each page to --shots. Exits 1 on any failure.

import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => {
    if (a.startsWith("--")) acc.push([a.slice(2), all[i + 1] && !all[i + 1].startsWith("--") ? all[i + 1] : true]);
    return acc;
  }, []),
);
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const label = args.name || "corpus";
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${label}: ${what}`);
  if (!ok) failures.push(what);
};

function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(args.bin, ["serve", "--db", args.db, "--addr", "127.0.0.1:0"], { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => {
      err += d;
      const m = /http:\/\/(\S+) \(/.exec(err);
      if (m) resolve({ child, base: `http://${m[1]}` });
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}: ${err}`)));
  });
}

async function shot(page, name) {
  if (!args.shots) return;
  mkdirSync(args.shots, { recursive: true });
  await page.screenshot({ path: join(args.shots, `${label}-${name}.png`), fullPage: false });
}

async function main() {
  const { child, base } = await startServer();
  const browser = await chromium.launch({ executablePath, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const context = await browser.newContext({ viewport: { width: 1000, height: 760 } });
    // No request leaves the loopback server.
    await context.route("**/*", (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
    const page = await context.newPage();
    const dialogs = [];
    page.on("dialog", async (d) => { dialogs.push(d.message()); await d.dismiss(); });
    const cspErrors = [];
    page.on("console", (m) => { if (m.type() === "error") cspErrors.push(m.text()); });

    // Storylines.
    await page.goto(base + "/");
    check((await page.locator("h1").textContent()) === "Storylines", "the storylines page opens");
    const cards = page.locator("ol.storylines article.card");
    check((await cards.count()) > 0, "it lists storylines");
    await shot(page, "storylines");

    // Keyboard: the first Tab reaches the skip link, which is visible when focused.
    await page.keyboard.press("Tab");
    check(await page.evaluate(() => document.activeElement?.classList.contains("skip")), "Tab reaches the skip link first");

    // The largest storyline's page.
    const sizes = await cards.locator("p.meta").allTextContents();
    const biggest = sizes.map((t) => parseInt(/· (\d+) article/.exec(t)?.[1] || "0")).reduce((b, n, i, all) => (n > all[b] ? i : b), 0);
    await cards.nth(biggest).locator("h2 a").click();
    await page.waitForSelector("#timeline-h");
    const marks = page.locator("svg.chart a.mark");
    const dated = page.locator("ol.timeline > li");
    check((await dated.count()) > 0 && (await marks.count()) === (await dated.count()), `the timeline has a mark for each dated event (${await marks.count()} / ${await dated.count()})`);
    await marks.first().hover();
    const detail = (await page.locator("#mark-detail").textContent()) || "";
    check(/^\d{4}-\d\d-\d\d: \d+ reports?\b/.test(detail), `hovering a mark shows its date and sentence ("${detail.slice(0, 60)}…")`);
    await marks.nth(Math.min(1, (await marks.count()) - 1)).focus();
    const focused = (await page.locator("#mark-detail").textContent()) || "";
    check(focused.length > 0, "focusing a mark shows it too");
    check((await page.locator("table caption", { hasText: "Articles per outlet and month" }).count()) === 1, "coverage by outlet is a table");
    check((await page.locator("#figures-h").count()) === 1, "the story page has a figures section");
    check((await page.locator("table caption", { hasText: "Framing by outlet" }).count()) === 1, "the story page has a framing table by outlet");
    await shot(page, "story");

    // A speaker's page from "Who said what".
    const speaker = page.locator("div.speaker h3 a").first();
    if ((await speaker.count()) > 0) {
      const name = (await speaker.textContent()).trim();
      await speaker.click();
      await page.waitForSelector("h1");
      check((await page.locator("h1").textContent()) === name, `the speaker's page opens (${name})`);
      check((await page.locator("ul.quotes li").count()) > 0, "it lists their quotes");
      await shot(page, "entity");
      // Search for a word of one of their quotes.
      const quote = (await page.locator("ul.quotes span.quote").first().textContent()) || "";
      const word = (quote.match(/[A-Za-z]{5,}/g) || ["said"]).sort((a, b) => b.length - a.length)[0];
      await page.fill("#q", word);
      await page.press("#q", "Enter");
      await page.waitForSelector("h1");
      check((await page.locator("ul.quotes li").count()) > 0, `searching "${word}" finds the quote`);
      await shot(page, "search");
      // An article with its highlighted quotes.
      await page.locator("ul.quotes li span.src a[href^='/articles/']").first().click();
      await page.waitForSelector("div.text");
      check((await page.locator("div.text mark.q").count()) > 0, "the article shows its quotes highlighted");
      check((await page.locator("div.text time[datetime]").count()) >= 0, "dates carry their value");
      await page.locator("details.removed summary").first().click().catch(() => {});
      await shot(page, "article");
    } else {
      check(false, "the story names a speaker with a page");
    }

    // Phone width: nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ["/", page.url().replace(base, "")]) {
      await page.goto(base + path);
      const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      check(over <= 1, `${path} fits a phone's width (overflow ${over}px)`);
    }
    await page.goto(base + "/");
    await shot(page, "storylines-phone");

    if (args.hostile) {
      // Every page that shows the hostile articles: text, not markup.
      const hits = await (await fetch(base + "/api/v1/search?q=crane")).json();
      const paths = ["/", "/search?q=crane", ...hits.articles.map((a) => `/articles/${a.article}`)];
      const story = await (await fetch(base + "/api/v1/storylines?limit=100")).json();
      paths.push(...story.items.map((s) => `/stories/${s.id}`));
      for (const p of paths) {
        await page.goto(base + p);
        const injected = await page.evaluate(() =>
          document.querySelectorAll("img, script:not([src='/assets/app.js']), b[onmouseover], [onerror], iframe, a[href^='javascript:' i]").length);
        check(injected === 0, `${p}: no injected element`);
      }
      check(dialogs.length === 0, `no dialog fired (${dialogs.join(", ")})`);
      const scripted = hits.articles.find((a) => (a.title || "").includes("<script>"));
      check(scripted !== undefined, "search finds the article with a script in its title");
      await page.goto(base + `/articles/${scripted.article}`);
      check((await page.locator("h1").textContent()).includes("<script>alert(3)</script>"), "a hostile title is shown as text");
      await shot(page, "hostile-article");
    }
    check(cspErrors.filter((e) => /Content Security Policy/i.test(e)).length === 0, "no page breaks its own Content-Security-Policy");
    console.log("");
  } finally {
    await browser.close();
    child.kill();
  }
  if (failures.length) {
    console.error(`${failures.length} browser check(s) failed`);
    process.exit(1);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
