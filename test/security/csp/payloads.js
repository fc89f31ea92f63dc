// A few payloads that would run if any widget wrote data as HTML; each calls window.__samenPwned.
export const XSS = [
  `<img src=x onerror="__samenPwned('img')">`,
  `"><svg onload=__samenPwned('svg')>`,
  `<script>__samenPwned('script')</script>`,
  `<iframe srcdoc="<script>parent.__samenPwned('srcdoc')</script>"></iframe>`,
  `javascript:__samenPwned('url')`,
];
