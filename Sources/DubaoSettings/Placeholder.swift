public enum DubaoSettingsPlaceholder {}
