/** The web console: server-rendered pages for merchants, approvers, operators, the till and the consumer. */
package com.cardcoupons.console;
