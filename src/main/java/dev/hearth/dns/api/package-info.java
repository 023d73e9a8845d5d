/** The DNS REST door: records, expose and unexpose, plain records, tunnel status. */
@NullMarked
package dev.hearth.dns.api;

import org.jspecify.annotations.NullMarked;
