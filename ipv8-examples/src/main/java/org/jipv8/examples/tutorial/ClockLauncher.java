package org.jipv8.examples.tutorial;

import org.jipv8.api.loader.CommunityLauncher;
import org.jipv8.api.loader.Overlay;
import org.jipv8.api.loader.WalkStrategy;

// tag::launcher[]
/** The shortest way: a launcher annotated with the overlay and its strategies. */
@Overlay(ClockCommunity.class)
@WalkStrategy(value = AskRandomPeer.class, targetPeers = -1)
public class ClockLauncher extends CommunityLauncher {}
// end::launcher[]
