/** Charts drawn on the server as SVG: no chart script in the browser, and every chart has its table beside it. */
package com.cardcoupons.console.chart;
