// The floor of `pnpm bench` (issue 15): the one tiny module a page would need to show one radio
// in a shadow root. Whatever a widget takes beyond this page's time is the widget's own cost.
customElements.define(
  'bench-floor',
  class extends HTMLElement {
    connectedCallback() {
      this.attachShadow({ mode: 'open' }).innerHTML =
        '<fieldset><legend>The first question</legend><label><input type="radio" name="a" value="1"> Yes</label> <label><input type="radio" name="a" value="0"> No</label></fieldset>';
    }
  },
);
