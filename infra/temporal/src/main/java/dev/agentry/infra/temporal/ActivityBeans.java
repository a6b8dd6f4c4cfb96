package dev.agentry.infra.temporal;

import io.temporal.activity.ActivityInterface;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.List;

/** The Spring beans that implement an {@link ActivityInterface}: each is an activity implementation. */
final class ActivityBeans {

    private ActivityBeans() {
    }

    static List<Object> in(ListableBeanFactory beans) {
        List<Object> activities = new ArrayList<>();
        for (Object bean : beans.getBeansOfType(Object.class, false, true).values()) {
            if (implementsActivityInterface(AopUtils.getTargetClass(bean))) {
                activities.add(bean);
            }
        }
        return activities;
    }

    static boolean implementsActivityInterface(Class<?> type) {
        return ClassUtils.getAllInterfacesForClassAsSet(type).stream()
                .anyMatch(candidate -> candidate.isAnnotationPresent(ActivityInterface.class));
    }

    static boolean anyImplements(List<Object> activities, Class<?> activityInterface) {
        return activities.stream().anyMatch(activityInterface::isInstance);
    }
}
