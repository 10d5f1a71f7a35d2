// axe-check.mjs runs axe-core in headless Chromium over HTML files, and
// prints each page to PDF the way a reader's "Print" does, for
// scripts/check-markup.sh. Usage:
//
//	node axe-check.mjs TOOLS_DIR CHROMIUM OUT_DIR FILE.html...
//
// TOOLS_DIR holds node_modules with puppeteer-core and axe-core. For each
// file it prints one line per axe violation ("file: rule (impact) n
// nodes: help; first: selector") and writes OUT_DIR/<name>.a4.pdf and
// .letter.pdf (Chromium's print to PDF) and OUT_DIR/<name>.png (a
// screenshot of the top of the page), <name> being the file's path from
// the working folder with "/" as "-". The exit status is 1 when any
// violation is found.
import { createRequire } from "node:module";
import { relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [tools, chromium, outDir, ...files] = process.argv.slice(2);
const require = createRequire(resolve(tools, "package.json"));
const puppeteer = require("puppeteer-core");
const axeSource = require("axe-core").source;

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  // Running as root (CI, containers) needs --no-sandbox.
  args: ["--no-sandbox", "--disable-gpu", "--font-render-hinting=none"],
});
let violations = 0;
try {
  for (const file of files) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: "load" });
    // The pages forbid scripts by their Content-Security-Policy; axe is
    // injected through the DevTools protocol, which the policy does not
    // govern once it is bypassed for this page only.
    await page.setBypassCSP(true);
    await page.reload({ waitUntil: "load" });
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () =>
      // Every rule of WCAG 2.0-2.2 A and AA, plus axe's best practices.
      await window.axe.run(document, { resultTypes: ["violations"] }),
    );
    for (const v of result.violations) {
      violations++;
      const first = v.nodes[0] ? v.nodes[0].target.join(" ") : "";
      console.log(`${file}: ${v.id} (${v.impact}) ${v.nodes.length} nodes: ${v.help}; first: ${first}`);
    }
    // Files of the same name in different folders stay apart.
    const name = relative(process.cwd(), resolve(file)).replace(/\.html$/, "").replace(/[\/]/g, "-");
    await page.screenshot({ path: resolve(outDir, `${name}.png`) });
    for (const format of ["a4", "letter"]) {
      await page.pdf({ path: resolve(outDir, `${name}.${format}.pdf`), format, printBackground: true, preferCSSPageSize: true });
    }
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`axe: ${violations} violations in ${files.length} files`);
process.exit(violations > 0 ? 1 : 0);
