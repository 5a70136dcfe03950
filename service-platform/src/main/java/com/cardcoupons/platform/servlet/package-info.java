/** Servlet plumbing the platform's filters share. */
package com.cardcoupons.platform.servlet;
