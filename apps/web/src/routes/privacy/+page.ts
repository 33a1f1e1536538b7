// A statement to read: plain HTML from the server, no JavaScript in the browser.
export const csr = false;
