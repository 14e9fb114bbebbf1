// For host pages that embed the iframe card (embed.html) and can run one script: sizes each such iframe to its
// card. Only messages from the card's own origin, sent by that very frame, are believed.
//   <iframe src="https://.../embed.html?soc=1137&frame-id=card1" data-uk-ai-exposure title="..."></iframe>
//   <script type="module" src="https://.../widget/iframe-resizer.js"></script>
const CARD_ORIGIN = new URL('..', import.meta.url).origin;
const MAX_HEIGHT = 2000;

window.addEventListener('message', (event) => {
  if (event.origin !== CARD_ORIGIN) return;
  const data = event.data;
  if (!data || data.type !== 'uk-ai-exposure:height' || !Number.isFinite(data.height)) return;
  for (const frame of document.querySelectorAll('iframe[data-uk-ai-exposure]')) {
    if (frame.contentWindow !== event.source) continue;
    frame.style.height = `${Math.max(0, Math.min(MAX_HEIGHT, Math.ceil(data.height)))}px`;
  }
});
