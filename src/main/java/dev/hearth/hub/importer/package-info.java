/** Importing another dashboard's services: Homepage's {@code services.yaml} (groups, hrefs, icons, widget keys). */
@NullMarked
package dev.hearth.hub.importer;

import org.jspecify.annotations.NullMarked;
