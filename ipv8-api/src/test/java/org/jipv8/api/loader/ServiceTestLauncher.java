package org.jipv8.api.loader;

/** Listed in META-INF/services so that the ServiceLoader test can find it. */
@Overlay(FakeOverlay.class)
@Name("ServiceLaunched")
public class ServiceTestLauncher extends CommunityLauncher {}
