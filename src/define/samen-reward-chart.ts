import { SamenRewardChart } from '../reward-chart/reward-chart.js';

// Idempotent: a page that loads two copies of Samen must not throw.
if (!customElements.get('samen-reward-chart')) customElements.define('samen-reward-chart', SamenRewardChart);

declare global {
  interface HTMLElementTagNameMap {
    'samen-reward-chart': SamenRewardChart;
  }
}

export { SamenRewardChart };
