public enum DubaoCorePlaceholder {}
