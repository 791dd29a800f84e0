package org.jipv8.testkit;

import org.jipv8.api.community.CommunityId;
import org.jipv8.reactor.community.Community;
import org.jipv8.reactor.community.CommunitySettings;

/** A community with nothing but the discovery protocol every community speaks. */
public class PlainCommunity extends Community {
  static final CommunityId ID = CommunityId.fromHex("6a6970763820746573746b697420706c61696e31");

  public PlainCommunity(CommunitySettings settings) {
    super(ID, settings);
  }
}
