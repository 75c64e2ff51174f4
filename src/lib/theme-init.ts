/**
 * The one inline script on every page: it applies a stored light/dark choice before first
 * paint, so the page does not flash in the wrong theme. It must be inline to run that early,
 * so astro.config.mjs adds its SHA-256 hash to the content security policy; keeping the text
 * here lets both use the same bytes.
 * Stored state: localStorage "tandem:theme" = "light" | "dark"; anything else is ignored.
 */
export const THEME_INIT_SCRIPT =
  "try{var t=localStorage.getItem('tandem:theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}";
