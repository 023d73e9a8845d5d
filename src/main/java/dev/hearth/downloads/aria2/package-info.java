/** The aria2 integration: JSON-RPC 2.0 with a secret token, torrents and direct links, behind {@code DownloadClient}. */
@NullMarked
package dev.hearth.downloads.aria2;

import org.jspecify.annotations.NullMarked;
