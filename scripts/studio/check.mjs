// check.mjs: drive rungs serve in headless Chromium, as a recruiter would.
// Run by scripts/check-studio.sh, which starts the server and passes:
//   node check.mjs URL CHROMIUM OUTDIR
// Each check prints one line; the exit status is 1 when any failed.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import puppeteer from "puppeteer-core";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const [base, chromium, out] = process.argv.slice(2);
let failed = 0;
const say = (ok, what) => {
  console.log(`check-studio: ${ok ? "PASS" : "FAIL"}: ${what}`);
  if (!ok) failed++;
};
// step runs one check; a throw is a failure, not a crash.
async function step(what, fn) {
  try {
    const r = await fn();
    say(r !== false, what + (typeof r === "string" ? ` (${r})` : ""));
  } catch (e) {
    say(false, `${what}: ${e.message.split("\n")[0]}`);
  }
}

const previewTitle = (page) => page.$eval("#preview h1", (h) => h.textContent.trim());
const waitText = (page, sel, text, timeout = 15000) =>
  page.waitForFunction((s, t) => [...document.querySelectorAll(s)].some((e) => e.textContent.includes(t)), { timeout }, sel, text);

// axe runs the WCAG 2 A and AA rules and best practices on the page.
async function axe(page, what) {
  await step(`axe-core finds no violation on ${what}`, async () => {
    await page.evaluate(axeSource);
    const res = await page.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
      return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.help}; ${v.nodes[0].target.join(" ")}`);
    });
    if (res.length) throw new Error(res.join(" | "));
    return true;
  });
}

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
});
try {
  const page = await browser.newPage();
  // axe is injected as a script of its own; the studio's CSP (rightly)
  // refuses it, so the check bypasses CSP for its own injection only.
  await page.setBypassCSP(true);
  await page.setViewport({ width: 1400, height: 1000 });
  const cspErrors = [];
  // Console errors, CSP refusals among them; a bad field's 4xx answer to
  // the preview's fetch is expected and not counted.
  page.on("console", (m) => {
    if (m.type() === "error" && !/status of 4(00|22)/.test(m.text())) cspErrors.push(m.text());
  });

  await step("the posting page opens with the CTO posting", async () => {
    const r = await page.goto(`${base}/jd?role=cto`, { waitUntil: "load" });
    if (r.status() !== 200) throw new Error(`status ${r.status()}`);
    const t = await previewTitle(page);
    if (t !== "Chief Technology Officer") throw new Error(`title ${t}`);
    return true;
  });

  await step("picking a role changes the preview", async () => {
    await page.select("#f-role", "senior-engineer");
    await page.waitForFunction(() => document.querySelector("#preview h1")?.textContent.trim() === "Senior Software Engineer", { timeout: 15000 });
    return await previewTitle(page);
  });

  await step("typing a size changes the preview", async () => {
    await page.click("#f-size", { clickCount: 3 });
    await page.keyboard.press("Backspace");
    await page.type("#f-size", "120", { delay: 30 });
    await waitText(page, "#preview", "120 engineers");
    return true;
  });

  await step("the new role brings its own pay from the company file", async () => {
    const v = await page.$eval("#f-pay_min", (e) => e.value);
    if (v !== "150000") throw new Error(`pay from ${v}`);
    return true;
  });

  await step("a planted word in the mission is marked in the text, with its reason and fix", async () => {
    await page.click("#f-mission");
    await page.keyboard.press("End");
    await page.type("#f-mission", " We hire rockstar developers.", { delay: 10 });
    await waitText(page, "#preview mark.lint", "rockstar");
    const id = await page.$$eval("#preview mark.lint", (ms) => ms.find((m) => m.textContent.includes("rockstar")).getAttribute("aria-describedby").split(" ")[0]);
    const text = await page.$eval(`#${id}`, (li) => li.textContent);
    if (!/Hype job title/.test(text) || !/Fix:/.test(text)) throw new Error(`finding reads ${text.slice(0, 80)}`);
    return true;
  });

  await step("the finding is announced to screen readers", async () => {
    const t = await page.$eval("#announce", (e) => e.getAttribute("aria-live") + ": " + e.textContent.trim());
    if (!/^polite: \d+ errors?, \d+ warnings?/.test(t)) throw new Error(t);
    return t;
  });

  await step("the address bar holds the parameters, for a link to share", async () => {
    const u = new URL(page.url());
    // The role is the form's default, so the link leaves it out.
    if (u.pathname !== "/jd" || u.searchParams.has("pay_min") || u.searchParams.get("size") !== "120") throw new Error(page.url());
    return true;
  });

  await step("a bad value shows the CLI's message next to its field", async () => {
    await page.click("#f-apply_url", { clickCount: 3 });
    await page.type("#f-apply_url", "not a link", { delay: 5 });
    await page.waitForFunction(() => !document.querySelector("#e-apply_url").hidden, { timeout: 15000 });
    const m = await page.$eval("#e-apply_url", (e) => e.textContent);
    const inv = await page.$eval("#f-apply_url", (e) => e.getAttribute("aria-invalid"));
    if (!m.includes("must be an http or https URL") || inv !== "true") throw new Error(m);
    // The last good preview stays, dimmed, under the list of fixes.
    if (!(await page.$(".docwrap.stale")) || !(await page.$('#field-errors a[href="#f-apply_url"]'))) throw new Error("no dimmed preview or no link to the field");
    await page.screenshot({ path: path.join(out, "studio-error.png") });
    await axe(page, "the page with a bad field");
    await page.click("#f-apply_url", { clickCount: 3 });
    await page.keyboard.press("Backspace");
    await page.waitForFunction(() => document.querySelector("#e-apply_url").hidden && document.querySelector("#preview"), { timeout: 15000 });
    return true;
  });

  await step("the PDF downloads through the browser", async () => {
    const dir = fs.mkdtempSync(path.join(out, "dl-"));
    const cdp = await page.createCDPSession();
    await cdp.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: dir });
    await page.click('.downloads a[href^="/download/jd/pdf"]');
    let file;
    for (let i = 0; i < 300 && !file; i++) {
      await new Promise((r) => setTimeout(r, 100));
      file = fs.readdirSync(dir).find((f) => f.endsWith(".pdf"));
    }
    if (!file) throw new Error("no PDF arrived");
    const data = fs.readFileSync(path.join(dir, file));
    if (data.subarray(0, 5).toString() !== "%PDF-" || data.length < 2000) throw new Error(`${file}: not a PDF`);
    fs.renameSync(path.join(dir, file), path.join(out, file));
    return `${file}, ${data.length} bytes`;
  });

  await step("the Copy company.yaml button is there with script on", async () => {
    const hidden = await page.$eval("#copy-yaml", (b) => b.hidden);
    const yaml = await page.$eval("#yaml-text", (p) => p.textContent);
    if (hidden || !yaml.includes("engineers: 120")) throw new Error(`hidden=${hidden}`);
    return true;
  });

  await page.screenshot({ path: path.join(out, "studio-posting.png"), fullPage: false });
  await axe(page, "the posting page with findings");

  await step("the keyboard reaches a mark and the mark leads to its finding", async () => {
    // Let the last live update land first: a preview swapped in between
    // the focus and the key press would take the focus with it. A mark
    // of the current preview has an id; the dimmed copy's marks do not.
    await page.waitForFunction(() => {
      const busy = document.getElementById("busy");
      return (!busy || busy.hidden) && !document.querySelector(".docwrap.stale") && document.querySelector("#preview mark.lint[id]");
    }, { timeout: 15000 });
    await page.focus("#preview mark.lint[id]");
    await page.keyboard.press("Enter");
    const active = await page.evaluate(() => document.activeElement.id);
    if (!/^f\d+$/.test(active)) throw new Error(`focus on ${active}`);
    return true;
  });

  await step("the ladder tab shows a promotion guide", async () => {
    await page.click('.tabs a[href^="/ladder"]');
    await page.waitForSelector("#f-view");
    await page.select("#f-view", "promotion");
    await page.select("#f-from", "senior-engineer");
    await page.select("#f-to", "staff-engineer");
    await page.waitForFunction(() => /Staff/.test(document.querySelector("#preview h1")?.textContent || ""), { timeout: 15000 });
    return await previewTitle(page);
  });
  await page.screenshot({ path: path.join(out, "studio-ladder.png"), fullPage: false });
  await axe(page, "the ladder page");

  await step("no console errors (CSP violations included)", async () => {
    if (cspErrors.length) throw new Error(cspErrors.join(" | "));
    return true;
  });

  await step("without JavaScript the form round-trips and renders everything", async () => {
    const nojs = await browser.newPage();
    await nojs.setJavaScriptEnabled(false);
    await nojs.goto(`${base}/jd?role=cto&mission=${encodeURIComponent("A rockstar team.")}`);
    if (!(await nojs.$("#preview mark.lint"))) throw new Error("no marks");
    await nojs.select("#f-role", "vp-engineering");
    await Promise.all([nojs.waitForNavigation(), nojs.click("button[type=submit]")]);
    const t = await previewTitle(nojs);
    if (t !== "VP of Engineering") throw new Error(`title ${t}`);
    const hidden = await nojs.$eval("#copy-yaml", (b) => b.hidden);
    if (!hidden) throw new Error("the copy button shows without script");
    await nojs.close();
    return true;
  });
} finally {
  await browser.close();
}
console.log(`check-studio: screenshots in ${out}`);
process.exit(failed ? 1 : 0);
